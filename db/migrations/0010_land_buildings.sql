CREATE TABLE "building_months" (
	"building_id" integer NOT NULL,
	"month" date NOT NULL,
	"leasable_m2" double precision NOT NULL,
	"leased_m2" double precision NOT NULL,
	"reserved_m2" double precision NOT NULL,
	"vacant_m2" double precision NOT NULL,
	"tenants" integer NOT NULL,
	"tax_wan" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "building_months_building_id_month_pk" PRIMARY KEY("building_id","month"),
	CONSTRAINT "building_months_month_check" CHECK (extract(day from "building_months"."month") = 1),
	CONSTRAINT "building_months_area_check" CHECK ("building_months"."leasable_m2" >= 0 AND "building_months"."leased_m2" >= 0 AND "building_months"."reserved_m2" >= 0 AND "building_months"."vacant_m2" >= 0 AND "building_months"."tenants" >= 0)
);
--> statement-breakpoint
CREATE TABLE "land_cases" (
	"id" serial PRIMARY KEY NOT NULL,
	"plot_id" integer NOT NULL,
	"kind" text NOT NULL,
	"stage" text NOT NULL,
	"grounds" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"area_m2" double precision NOT NULL,
	"detected_on" date NOT NULL,
	"decided_on" date,
	"decision" text,
	"method" text,
	"officer" text,
	"deadline" date,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completed_on" date,
	"outcome" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "land_cases_kind_check" CHECK (kind IN ('idle', 'low_efficiency')),
	CONSTRAINT "land_cases_stage_check" CHECK (stage IN ('suspected', 'investigating', 'confirmed', 'dismissed', 'disposing', 'disposed')),
	CONSTRAINT "land_cases_method_check" CHECK (method IS NULL OR method IN ('urge_start', 'extend_start', 'idle_fee', 'change_use', 'swap', 'paid_recovery', 'recovery', 'new_project', 'redevelopment', 'transfer')),
	CONSTRAINT "land_cases_area_check" CHECK ("land_cases"."area_m2" > 0),
	CONSTRAINT "land_cases_decided_check" CHECK ("land_cases"."stage" IN ('suspected', 'investigating') OR "land_cases"."decided_on" IS NOT NULL),
	CONSTRAINT "land_cases_disposal_check" CHECK ("land_cases"."stage" NOT IN ('disposing', 'disposed') OR ("land_cases"."method" IS NOT NULL AND "land_cases"."deadline" IS NOT NULL)),
	CONSTRAINT "land_cases_completed_check" CHECK (("land_cases"."stage" = 'disposed') = ("land_cases"."completed_on" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action_check";--> statement-breakpoint
ALTER TABLE "disposal_targets" DROP CONSTRAINT "disposal_targets_disposed_check";--> statement-breakpoint
ALTER TABLE "plots" DROP CONSTRAINT "plots_disposal_method_check";--> statement-breakpoint
ALTER TABLE "plots" DROP CONSTRAINT "plots_price_check";--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "annual_tax_wan" double precision;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "manager_name" text;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "manager_phone" text;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "min_tax_per_mu_wan" double precision;--> statement-breakpoint
ALTER TABLE "parks" ADD COLUMN "min_output_per_mu_wan" double precision;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "contract_date" date;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "started_on" date;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "stopped_since" date;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "land_price_wan" double precision;--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "min_tax_per_mu_wan" double precision;--> statement-breakpoint
ALTER TABLE "site_settings" ADD COLUMN "min_output_per_mu_wan" double precision;--> statement-breakpoint
ALTER TABLE "building_months" ADD CONSTRAINT "building_months_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "land_cases" ADD CONSTRAINT "land_cases_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "building_months_month_idx" ON "building_months" USING btree ("month");--> statement-breakpoint
CREATE UNIQUE INDEX "land_cases_open_key" ON "land_cases" USING btree ("plot_id","kind") WHERE stage NOT IN ('dismissed', 'disposed');--> statement-breakpoint
CREATE INDEX "land_cases_stage_idx" ON "land_cases" USING btree ("stage");--> statement-breakpoint
ALTER TABLE "disposal_targets" DROP COLUMN "disposed_mu";--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" IN ('create', 'update', 'delete', 'restore', 'confirm', 'retire', 'merge', 'investigate', 'dismiss', 'dispose', 'complete'));--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_tax_check" CHECK ("buildings"."annual_tax_wan" IS NULL OR "buildings"."annual_tax_wan" >= 0);--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_thresholds_check" CHECK (("parks"."min_tax_per_mu_wan" IS NULL OR "parks"."min_tax_per_mu_wan" >= 0) AND ("parks"."min_output_per_mu_wan" IS NULL OR "parks"."min_output_per_mu_wan" >= 0));--> statement-breakpoint
ALTER TABLE "plots" ADD CONSTRAINT "plots_disposal_method_check" CHECK (disposal_method IS NULL OR disposal_method IN ('urge_start', 'extend_start', 'idle_fee', 'change_use', 'swap', 'paid_recovery', 'recovery', 'new_project', 'redevelopment', 'transfer'));--> statement-breakpoint
ALTER TABLE "plots" ADD CONSTRAINT "plots_price_check" CHECK (("plots"."price_wan_per_mu" IS NULL OR "plots"."price_wan_per_mu" >= 0) AND ("plots"."land_price_wan" IS NULL OR "plots"."land_price_wan" >= 0));--> statement-breakpoint
-- Plots flagged idle or low-efficiency before cases were kept become confirmed cases (disposing when they had a method and a deadline).
INSERT INTO "land_cases" ("plot_id", "kind", "stage", "area_m2", "detected_on", "decided_on", "method", "deadline")
SELECT p.id, k.kind,
	CASE WHEN p.disposal_method IS NOT NULL AND p.disposal_deadline IS NOT NULL THEN 'disposing' ELSE 'confirmed' END,
	p.area_m2, p.updated_at::date, p.updated_at::date,
	CASE WHEN p.disposal_deadline IS NOT NULL THEN p.disposal_method END, p.disposal_deadline
FROM "plots" p CROSS JOIN LATERAL (VALUES ('idle', p.is_idle), ('low_efficiency', p.is_low_efficiency AND NOT p.is_idle)) k(kind, flagged)
WHERE k.flagged AND p.retired_at IS NULL;--> statement-breakpoint
-- The land price of sold land follows from its price per 亩 until the contract's own figure is entered.
UPDATE "plots" SET "land_price_wan" = round(("price_wan_per_mu" * "area_m2" * 0.0015)::numeric, 1)
WHERE "price_wan_per_mu" IS NOT NULL AND "supply_status" IN ('signed', 'under_construction', 'in_production');
