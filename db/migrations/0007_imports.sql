CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"layer" text NOT NULL,
	"park_id" integer,
	"file_name" text NOT NULL,
	"file_bytes" bigint NOT NULL,
	"file_sha256" text NOT NULL,
	"format" text NOT NULL,
	"crs" text,
	"encoding" text,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text DEFAULT 'committed' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" integer,
	CONSTRAINT "imports_status_check" CHECK ("imports"."status" IN ('committed', 'undone')),
	CONSTRAINT "imports_layer_check" CHECK ("imports"."layer" IN ('plots', 'parks', 'buildings', 'units', 'facilities', 'roads'))
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "import_id" integer;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD COLUMN "undo_of" integer;--> statement-breakpoint
ALTER TABLE "roads" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "imports" ADD CONSTRAINT "imports_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "imports_created_idx" ON "imports" USING btree ("created_at");--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_undo_of_imports_id_fk" FOREIGN KEY ("undo_of") REFERENCES "public"."imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_import_idx" ON "audit_entries" USING btree ("import_id");--> statement-breakpoint
ALTER TABLE "roads" ADD CONSTRAINT "roads_code_unique" UNIQUE("code");