CREATE TABLE "notification_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"requirement_id" integer NOT NULL,
	"site_kind" text NOT NULL,
	"site_code" text NOT NULL,
	"score" double precision NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "notification_outbox_match_key" UNIQUE("requirement_id","site_kind","site_code"),
	CONSTRAINT "notification_outbox_site_kind_check" CHECK ("notification_outbox"."site_kind" IN ('plot', 'building'))
);
--> statement-breakpoint
CREATE TABLE "site_views" (
	"site_kind" text NOT NULL,
	"site_code" text NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "site_views_site_kind_site_code_day_pk" PRIMARY KEY("site_kind","site_code","day"),
	CONSTRAINT "site_views_site_kind_check" CHECK (site_kind IN ('plot', 'building', 'park')),
	CONSTRAINT "site_views_views_check" CHECK ("site_views"."views" >= 0)
);
--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "source_ip_hash" text;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "reference" text NOT NULL;--> statement-breakpoint
ALTER TABLE "requirements" ADD COLUMN "source_ip_hash" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_requirement_id_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiries_source_idx" ON "enquiries" USING btree ("source_ip_hash","created_at");--> statement-breakpoint
CREATE INDEX "requirements_source_idx" ON "requirements" USING btree ("source_ip_hash","created_at");--> statement-breakpoint
ALTER TABLE "requirements" ADD CONSTRAINT "requirements_reference_unique" UNIQUE("reference");