ALTER TABLE "tour_stops" ADD COLUMN "contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "delegation_contact" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "lunch_after_stop" smallint;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "lunch_min" smallint DEFAULT 60 NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "legs" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD COLUMN "estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_lunch_check" CHECK ("tours"."lunch_min" BETWEEN 0 AND 240 AND ("tours"."lunch_after_stop" IS NULL OR "tours"."lunch_after_stop" >= 0));