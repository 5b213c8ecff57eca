CREATE TABLE "site_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"sample_data" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "site_settings_one_row_check" CHECK ("site_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action_check";--> statement-breakpoint
ALTER TABLE "disposal_targets" DROP CONSTRAINT "disposal_targets_target_check";--> statement-breakpoint
ALTER TABLE "disposal_targets" ALTER COLUMN "target_mu" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "chains" ADD COLUMN "sort_order" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "projects_to_sign" integer;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "funds_yi" double precision;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "foreign_capital_usd" double precision;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "buildings_over_100m" integer;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "buildings_over_50m" integer;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "facilities" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "retired_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "roads" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "roads" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" IN ('create', 'update', 'delete', 'restore', 'confirm', 'retire', 'merge'));--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_retired_check" CHECK ("buildings"."retired_at" IS NULL OR NOT "buildings"."published");--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD CONSTRAINT "disposal_targets_values_check" CHECK (("disposal_targets"."projects_to_sign" IS NULL OR "disposal_targets"."projects_to_sign" >= 0) AND ("disposal_targets"."funds_yi" IS NULL OR "disposal_targets"."funds_yi" >= 0) AND ("disposal_targets"."foreign_capital_usd" IS NULL OR "disposal_targets"."foreign_capital_usd" >= 0) AND ("disposal_targets"."buildings_over_100m" IS NULL OR "disposal_targets"."buildings_over_100m" >= 0) AND ("disposal_targets"."buildings_over_50m" IS NULL OR "disposal_targets"."buildings_over_50m" >= 0));--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD CONSTRAINT "disposal_targets_target_check" CHECK ("disposal_targets"."target_mu" IS NULL OR "disposal_targets"."target_mu" >= 0);--> statement-breakpoint
ALTER TABLE "facilities" ADD CONSTRAINT "facilities_retired_check" CHECK ("facilities"."retired_at" IS NULL OR NOT "facilities"."published");--> statement-breakpoint
ALTER TABLE "plots" ADD CONSTRAINT "plots_retired_check" CHECK ("plots"."retired_at" IS NULL OR NOT "plots"."published");--> statement-breakpoint
-- The one settings row; a database that holds the demo accounts was loaded with the sample zone.
INSERT INTO "site_settings" ("id", "sample_data") SELECT 1, EXISTS (SELECT 1 FROM "users" WHERE "email" = 'admin@demo.siteatlas');--> statement-breakpoint
UPDATE "chains" SET "sort_order" = "id";
