CREATE TABLE "enquiry_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"enquiry_id" integer NOT NULL,
	"user_id" integer,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiry_notes_body_check" CHECK (length("enquiry_notes"."body") BETWEEN 1 AND 4000)
);
--> statement-breakpoint
CREATE TABLE "project_problems" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"due_on" date NOT NULL,
	"resolved_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "project_updates" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"week_of" date NOT NULL,
	"progress" text NOT NULL,
	"next_steps" text DEFAULT '' NOT NULL,
	"funds_in_place_wan" double precision,
	"user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_updates_week_key" UNIQUE("project_id","week_of"),
	CONSTRAINT "project_updates_monday_check" CHECK (extract(isodow from "project_updates"."week_of") = 1)
);
--> statement-breakpoint
CREATE TABLE "proposal_views" (
	"proposal_id" integer NOT NULL,
	"day" date NOT NULL,
	"views" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "proposal_views_proposal_id_day_pk" PRIMARY KEY("proposal_id","day")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"delegation" text DEFAULT '' NOT NULL,
	"intro" text DEFAULT '' NOT NULL,
	"sites" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"tour_id" integer,
	"contact_name" text DEFAULT '' NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"token" text NOT NULL,
	"code_hash" text NOT NULL,
	"expires_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"failed_codes" smallint DEFAULT 0 NOT NULL,
	"failed_since" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_token_unique" UNIQUE("token"),
	CONSTRAINT "proposals_locale_check" CHECK ("proposals"."locale" IN ('zh-CN', 'en'))
);
--> statement-breakpoint
CREATE TABLE "search_demand" (
	"week_of" date NOT NULL,
	"industry" text DEFAULT '' NOT NULL,
	"area_band" text DEFAULT '' NOT NULL,
	"land_use" text DEFAULT '' NOT NULL,
	"cell" text DEFAULT '' NOT NULL,
	"found" boolean NOT NULL,
	"searches" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "search_demand_week_of_industry_area_band_land_use_cell_found_pk" PRIMARY KEY("week_of","industry","area_band","land_use","cell","found"),
	CONSTRAINT "search_demand_searches_check" CHECK ("search_demand"."searches" >= 0)
);
--> statement-breakpoint
CREATE TABLE "target_firms" (
	"id" serial PRIMARY KEY NOT NULL,
	"chain_link_id" integer NOT NULL,
	"name" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"owner" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'listed' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "target_firms_status_check" CHECK (status IN ('listed', 'contacted', 'visited', 'negotiating', 'signed', 'dropped'))
);
--> statement-breakpoint
ALTER TABLE "audit_entries" DROP CONSTRAINT "audit_entries_action_check";--> statement-breakpoint
ALTER TABLE "enquiries" DROP CONSTRAINT "enquiries_status_check";--> statement-breakpoint
ALTER TABLE "notification_outbox" DROP CONSTRAINT "notification_outbox_site_kind_check";--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "requirement_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "site_kind" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "site_code" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ALTER COLUMN "score" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "owner_id" integer;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "lost_reason" text;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "status_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "contacted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "project_id" integer;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiries" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "kind" text DEFAULT 'match' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "enquiry_id" integer;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "user_id" integer;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "attempts" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "last_attempt_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "last_error" text;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD COLUMN "message_id" text;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "park_id" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "negotiation_at" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "feedback_at" date;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "officer_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "leader_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "milestones" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "last_update_on" date;--> statement-breakpoint
-- Data of the earlier shape: a closed enquiry is one that was lost; a delivered message is sent; a project's park is its site's.
UPDATE "enquiries" SET "status" = 'lost', "lost_reason" = 'other' WHERE "status" = 'closed';--> statement-breakpoint
UPDATE "enquiries" SET "contacted_at" = "created_at" WHERE "status" <> 'new';--> statement-breakpoint
UPDATE "notification_outbox" SET "status" = 'sent' WHERE "sent_at" IS NOT NULL;--> statement-breakpoint
UPDATE "projects" SET "park_id" = coalesce((SELECT park_id FROM plots WHERE plots.id = projects.plot_id), (SELECT park_id FROM buildings WHERE buildings.id = projects.building_id));--> statement-breakpoint
UPDATE "projects" SET "negotiation_at" = "lead_at" + 30 WHERE "stage" <> 'lead' AND "lead_at" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiry_notes" ADD CONSTRAINT "enquiry_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_problems" ADD CONSTRAINT "project_problems_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_updates" ADD CONSTRAINT "project_updates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_views" ADD CONSTRAINT "proposal_views_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_firms" ADD CONSTRAINT "target_firms_chain_link_id_chain_links_id_fk" FOREIGN KEY ("chain_link_id") REFERENCES "public"."chain_links"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiry_notes_enquiry_idx" ON "enquiry_notes" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "project_problems_project_idx" ON "project_problems" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "target_firms_link_idx" ON "target_firms" USING btree ("chain_link_id");--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_enquiry_id_enquiries_id_fk" FOREIGN KEY ("enquiry_id") REFERENCES "public"."enquiries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "enquiries_status_idx" ON "enquiries" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "enquiries_project_idx" ON "enquiries" USING btree ("project_id");--> statement-breakpoint
CREATE INDEX "notification_outbox_enquiry_idx" ON "notification_outbox" USING btree ("enquiry_id");--> statement-breakpoint
CREATE INDEX "projects_stage_idx" ON "projects" USING btree ("stage");--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_action_check" CHECK (action IN ('create', 'update', 'delete', 'restore', 'confirm', 'retire', 'merge', 'investigate', 'dismiss', 'dispose', 'complete', 'move', 'assign', 'note', 'message', 'convert', 'report', 'problem', 'resolve', 'revoke'));--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_lost_reason_check" CHECK (("enquiries"."status" = 'lost') = ("enquiries"."lost_reason" IS NOT NULL) AND (lost_reason IS NULL OR lost_reason IN ('no_fit', 'price', 'location', 'chose_elsewhere', 'no_response', 'postponed', 'other')));--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_status_check" CHECK (status IN ('new', 'contacted', 'visiting', 'negotiating', 'won', 'lost'));--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_kind_check" CHECK (kind IN ('match', 'enquiry'));--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_status_check" CHECK (status IN ('pending', 'sent', 'failed'));--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_sent_check" CHECK (("notification_outbox"."status" = 'sent') = ("notification_outbox"."sent_at" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_source_check" CHECK (("notification_outbox"."kind" = 'match' AND "notification_outbox"."requirement_id" IS NOT NULL AND "notification_outbox"."site_kind" IN ('plot', 'building') AND "notification_outbox"."site_code" IS NOT NULL) OR ("notification_outbox"."kind" = 'enquiry' AND "notification_outbox"."enquiry_id" IS NOT NULL));--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_site_check" CHECK (NOT ("projects"."plot_id" IS NOT NULL AND "projects"."building_id" IS NOT NULL));