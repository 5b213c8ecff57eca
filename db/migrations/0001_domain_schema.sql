CREATE TABLE "audit_entries" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	CONSTRAINT "audit_entries_action_check" CHECK ("audit_entries"."action" IN ('create', 'update', 'delete', 'restore', 'confirm'))
);
--> statement-breakpoint
CREATE TABLE "buildings" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"park_id" integer,
	"plot_id" integer,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"footprint" geometry(MultiPolygon,4326) NOT NULL,
	"kind" text NOT NULL,
	"floors" smallint NOT NULL,
	"gross_area_m2" double precision NOT NULL,
	"leasable_area_m2" double precision NOT NULL,
	"leased_area_m2" double precision,
	"rent_yuan_per_m2_day" double precision,
	"owner_name" text NOT NULL,
	"operator_name" text,
	"business_formats" text[] DEFAULT '{}'::text[] NOT NULL,
	"tax_tier" text DEFAULT 'none' NOT NULL,
	"completed_year" smallint,
	"published" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "buildings_code_unique" UNIQUE("code"),
	CONSTRAINT "buildings_kind_check" CHECK (kind IN ('office', 'standard_factory', 'commercial', 'incubator')),
	CONSTRAINT "buildings_tax_tier_check" CHECK (tax_tier IN ('none', 'over_10m', 'over_50m', 'over_100m')),
	CONSTRAINT "buildings_floors_check" CHECK ("buildings"."floors" BETWEEN 1 AND 200),
	CONSTRAINT "buildings_area_check" CHECK ("buildings"."gross_area_m2" > 0 AND "buildings"."leasable_area_m2" > 0 AND "buildings"."leasable_area_m2" <= "buildings"."gross_area_m2"),
	CONSTRAINT "buildings_leased_check" CHECK ("buildings"."leased_area_m2" IS NULL OR ("buildings"."leased_area_m2" >= 0 AND "buildings"."leased_area_m2" <= "buildings"."leasable_area_m2")),
	CONSTRAINT "buildings_rent_check" CHECK ("buildings"."rent_yuan_per_m2_day" IS NULL OR "buildings"."rent_yuan_per_m2_day" >= 0)
);
--> statement-breakpoint
CREATE TABLE "chain_links" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"chain_id" integer NOT NULL,
	"position" smallint NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "chain_links_code_unique" UNIQUE("code"),
	CONSTRAINT "chain_links_chain_position_key" UNIQUE("chain_id","position"),
	CONSTRAINT "chain_links_position_check" CHECK ("chain_links"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "chains" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"industry_id" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	CONSTRAINT "chains_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "disposal_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"park_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"target_mu" double precision NOT NULL,
	"disposed_mu" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "disposal_targets_park_year_key" UNIQUE("park_id","year"),
	CONSTRAINT "disposal_targets_target_check" CHECK ("disposal_targets"."target_mu" > 0),
	CONSTRAINT "disposal_targets_disposed_check" CHECK ("disposal_targets"."disposed_mu" >= 0),
	CONSTRAINT "disposal_targets_year_check" CHECK ("disposal_targets"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "enquiries" (
	"id" serial PRIMARY KEY NOT NULL,
	"reference" text NOT NULL,
	"site_kind" text NOT NULL,
	"plot_id" integer,
	"building_id" integer,
	"park_id" integer,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text,
	"contact_phone" text,
	"industry_id" integer,
	"space_needed_m2" double precision,
	"message" text DEFAULT '' NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"status" text DEFAULT 'new' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enquiries_reference_unique" UNIQUE("reference"),
	CONSTRAINT "enquiries_site_kind_check" CHECK (site_kind IN ('plot', 'building', 'park')),
	CONSTRAINT "enquiries_status_check" CHECK (status IN ('new', 'contacted', 'visiting', 'closed')),
	CONSTRAINT "enquiries_contact_check" CHECK ("enquiries"."contact_email" IS NOT NULL OR "enquiries"."contact_phone" IS NOT NULL),
	CONSTRAINT "enquiries_space_check" CHECK ("enquiries"."space_needed_m2" IS NULL OR "enquiries"."space_needed_m2" > 0)
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"industry_id" integer NOT NULL,
	"chain_link_id" integer,
	"plot_id" integer,
	"building_id" integer,
	"location" geometry(Point,4326) NOT NULL,
	"employees" integer,
	"output_band" text,
	"tax_band" text,
	"marks" text[] DEFAULT '{}'::text[] NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "enterprises_employees_check" CHECK ("enterprises"."employees" IS NULL OR "enterprises"."employees" >= 0),
	CONSTRAINT "enterprises_output_band_check" CHECK (output_band IS NULL OR output_band IN ('lt_10m', '10m_100m', '100m_1b', 'gt_1b')),
	CONSTRAINT "enterprises_tax_band_check" CHECK (tax_band IS NULL OR tax_band IN ('lt_10m', '10m_100m', '100m_1b', 'gt_1b')),
	CONSTRAINT "enterprises_site_check" CHECK (NOT ("enterprises"."plot_id" IS NOT NULL AND "enterprises"."building_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "facilities" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"kind" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"location" geometry(Point,4326) NOT NULL,
	"published" boolean DEFAULT true NOT NULL,
	CONSTRAINT "facilities_code_unique" UNIQUE("code"),
	CONSTRAINT "facilities_kind_check" CHECK (kind IN ('port', 'airport', 'rail_station', 'highway_exit', 'university', 'research_institute', 'incubator', 'government', 'hotel'))
);
--> statement-breakpoint
CREATE TABLE "industries" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"grp" text NOT NULL,
	"sort_order" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "industries_code_unique" UNIQUE("code"),
	CONSTRAINT "industries_grp_check" CHECK (grp IN ('leading', 'services', 'digital'))
);
--> statement-breakpoint
CREATE TABLE "layer_versions" (
	"layer" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "layer_versions_layer_check" CHECK (layer IN ('parks', 'plots', 'buildings', 'facilities', 'roads'))
);
--> statement-breakpoint
CREATE TABLE "park_chains" (
	"park_id" integer NOT NULL,
	"chain_id" integer NOT NULL,
	CONSTRAINT "park_chains_park_id_chain_id_pk" PRIMARY KEY("park_id","chain_id")
);
--> statement-breakpoint
CREATE TABLE "park_industries" (
	"park_id" integer NOT NULL,
	"industry_id" integer NOT NULL,
	"is_leading" boolean DEFAULT false NOT NULL,
	CONSTRAINT "park_industries_park_id_industry_id_pk" PRIMARY KEY("park_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "parks" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" integer,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	"area_m2" double precision NOT NULL,
	"operator_zh" text NOT NULL,
	"operator_en" text NOT NULL,
	"contact_name" text,
	"contact_phone" text,
	"contact_email" text,
	"profile_zh" text DEFAULT '' NOT NULL,
	"profile_en" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "parks_code_unique" UNIQUE("code"),
	CONSTRAINT "parks_kind_check" CHECK (kind IN ('industrial_park', 'park_in_park', 'urban_block', 'business_district')),
	CONSTRAINT "parks_area_check" CHECK ("parks"."area_m2" > 0),
	CONSTRAINT "parks_parent_check" CHECK (("parks"."kind" = 'park_in_park') = ("parks"."parent_id" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "plot_industries" (
	"plot_id" integer NOT NULL,
	"industry_id" integer NOT NULL,
	CONSTRAINT "plot_industries_plot_id_industry_id_pk" PRIMARY KEY("plot_id","industry_id")
);
--> statement-breakpoint
CREATE TABLE "plots" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"park_id" integer NOT NULL,
	"boundary" geometry(MultiPolygon,4326) NOT NULL,
	"area_m2" double precision NOT NULL,
	"land_use" text NOT NULL,
	"plot_ratio_min" double precision,
	"plot_ratio_max" double precision,
	"building_density_max" double precision,
	"green_ratio_max" double precision,
	"height_limit_m" double precision,
	"lease_term_years" smallint,
	"price_wan_per_mu" double precision,
	"readiness" text NOT NULL,
	"readiness_items" text[] DEFAULT '{}'::text[] NOT NULL,
	"supply_status" text NOT NULL,
	"is_idle" boolean DEFAULT false NOT NULL,
	"is_low_efficiency" boolean DEFAULT false NOT NULL,
	"disposal_method" text,
	"disposal_deadline" date,
	"agreed_start_date" date,
	"built_ratio" double precision,
	"invested_ratio" double precision,
	"owner_name" text,
	"contact_name" text,
	"contact_phone" text,
	"available_from" date,
	"tax_per_mu_wan" double precision,
	"output_per_mu_wan" double precision,
	"notes" text DEFAULT '' NOT NULL,
	"published" boolean DEFAULT false NOT NULL,
	"confirmed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plots_land_use_check" CHECK (land_use IN ('industrial', 'logistics', 'commercial', 'office', 'research', 'mixed')),
	CONSTRAINT "plots_supply_status_check" CHECK (supply_status IN ('reserve', 'available', 'negotiating', 'signed', 'under_construction', 'in_production')),
	CONSTRAINT "plots_readiness_check" CHECK (readiness IN ('raw', 'serviced')),
	CONSTRAINT "plots_disposal_method_check" CHECK (disposal_method IS NULL OR disposal_method IN ('urge_start', 'idle_fee', 'recovery', 'swap', 'redevelopment', 'transfer')),
	CONSTRAINT "plots_area_check" CHECK ("plots"."area_m2" > 0),
	CONSTRAINT "plots_plot_ratio_check" CHECK (("plots"."plot_ratio_min" IS NULL OR "plots"."plot_ratio_min" >= 0) AND ("plots"."plot_ratio_max" IS NULL OR "plots"."plot_ratio_max" <= 20) AND ("plots"."plot_ratio_min" IS NULL OR "plots"."plot_ratio_max" IS NULL OR "plots"."plot_ratio_min" <= "plots"."plot_ratio_max")),
	CONSTRAINT "plots_ratios_check" CHECK (("plots"."building_density_max" IS NULL OR "plots"."building_density_max" BETWEEN 0 AND 1) AND ("plots"."green_ratio_max" IS NULL OR "plots"."green_ratio_max" BETWEEN 0 AND 1) AND ("plots"."built_ratio" IS NULL OR "plots"."built_ratio" BETWEEN 0 AND 1) AND ("plots"."invested_ratio" IS NULL OR "plots"."invested_ratio" BETWEEN 0 AND 1)),
	CONSTRAINT "plots_height_check" CHECK ("plots"."height_limit_m" IS NULL OR "plots"."height_limit_m" > 0),
	CONSTRAINT "plots_lease_term_check" CHECK ("plots"."lease_term_years" IS NULL OR "plots"."lease_term_years" BETWEEN 1 AND 70),
	CONSTRAINT "plots_price_check" CHECK ("plots"."price_wan_per_mu" IS NULL OR "plots"."price_wan_per_mu" >= 0),
	CONSTRAINT "plots_per_mu_check" CHECK (("plots"."tax_per_mu_wan" IS NULL OR "plots"."tax_per_mu_wan" >= 0) AND ("plots"."output_per_mu_wan" IS NULL OR "plots"."output_per_mu_wan" >= 0)),
	CONSTRAINT "plots_disposal_flag_check" CHECK ("plots"."disposal_method" IS NULL OR "plots"."is_idle" OR "plots"."is_low_efficiency")
);
--> statement-breakpoint
CREATE TABLE "projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"investor_name" text NOT NULL,
	"industry_id" integer,
	"chain_link_id" integer,
	"stage" text NOT NULL,
	"plot_id" integer,
	"building_id" integer,
	"investment_wan" double precision,
	"funds_in_place_wan" double precision,
	"foreign_capital_usd" double precision,
	"lead_at" date,
	"signed_at" date,
	"started_at" date,
	"production_at" date,
	"notes" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "projects_stage_check" CHECK (stage IN ('lead', 'negotiation', 'signed', 'construction', 'production', 'feedback')),
	CONSTRAINT "projects_money_check" CHECK (("projects"."investment_wan" IS NULL OR "projects"."investment_wan" >= 0) AND ("projects"."funds_in_place_wan" IS NULL OR "projects"."funds_in_place_wan" >= 0) AND ("projects"."foreign_capital_usd" IS NULL OR "projects"."foreign_capital_usd" >= 0))
);
--> statement-breakpoint
CREATE TABLE "requirements" (
	"id" serial PRIMARY KEY NOT NULL,
	"company" text NOT NULL,
	"contact_name" text NOT NULL,
	"contact_email" text NOT NULL,
	"filters" jsonb NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "roads" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_zh" text DEFAULT '' NOT NULL,
	"name_en" text DEFAULT '' NOT NULL,
	"road_class" text NOT NULL,
	"oneway" boolean DEFAULT false NOT NULL,
	"speed_kmh" smallint NOT NULL,
	"geom" geometry(LineString,4326) NOT NULL,
	"length_m" double precision NOT NULL,
	CONSTRAINT "roads_class_check" CHECK (road_class IN ('expressway', 'arterial', 'secondary', 'local')),
	CONSTRAINT "roads_speed_check" CHECK ("roads"."speed_kmh" BETWEEN 5 AND 130),
	CONSTRAINT "roads_length_check" CHECK ("roads"."length_m" > 0)
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tour_stops" (
	"id" serial PRIMARY KEY NOT NULL,
	"tour_id" integer NOT NULL,
	"seq" smallint NOT NULL,
	"site_kind" text NOT NULL,
	"plot_id" integer,
	"building_id" integer,
	"facility_id" integer,
	"location" geometry(Point,4326) NOT NULL,
	"label" text NOT NULL,
	"dwell_min" smallint DEFAULT 20 NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	CONSTRAINT "tour_stops_tour_seq_key" UNIQUE("tour_id","seq"),
	CONSTRAINT "tour_stops_site_kind_check" CHECK ("tour_stops"."site_kind" IN ('plot', 'building', 'facility', 'point')),
	CONSTRAINT "tour_stops_dwell_check" CHECK ("tour_stops"."dwell_min" BETWEEN 0 AND 600)
);
--> statement-breakpoint
CREATE TABLE "tours" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"delegation_org" text DEFAULT '' NOT NULL,
	"delegation_size" smallint,
	"tour_date" date,
	"start_time" text DEFAULT '09:00' NOT NULL,
	"route" geometry(LineString,4326),
	"distance_m" double precision,
	"duration_s" double precision,
	"share_token" text,
	"share_expires_at" timestamp with time zone,
	"created_by" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tours_share_token_unique" UNIQUE("share_token"),
	CONSTRAINT "tours_start_time_check" CHECK ("tours"."start_time" ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
	CONSTRAINT "tours_size_check" CHECK ("tours"."delegation_size" IS NULL OR "tours"."delegation_size" > 0)
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"building_id" integer NOT NULL,
	"floor" smallint NOT NULL,
	"unit_no" text NOT NULL,
	"area_m2" double precision NOT NULL,
	"status" text NOT NULL,
	"tenant_industry_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_building_floor_unit_key" UNIQUE("building_id","floor","unit_no"),
	CONSTRAINT "units_status_check" CHECK (status IN ('vacant', 'reserved', 'leased')),
	CONSTRAINT "units_area_check" CHECK ("units"."area_m2" > 0),
	CONSTRAINT "units_floor_check" CHECK ("units"."floor" BETWEEN -5 AND 200 AND "units"."floor" <> 0)
);
--> statement-breakpoint
CREATE TABLE "user_parks" (
	"user_id" integer NOT NULL,
	"park_id" integer NOT NULL,
	CONSTRAINT "user_parks_user_id_park_id_pk" PRIMARY KEY("user_id","park_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_role_check" CHECK (role IN ('admin', 'staff', 'park_editor')),
	CONSTRAINT "users_locale_check" CHECK ("users"."locale" IN ('zh-CN', 'en'))
);
--> statement-breakpoint
ALTER TABLE "audit_entries" ADD CONSTRAINT "audit_entries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "buildings" ADD CONSTRAINT "buildings_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chain_links" ADD CONSTRAINT "chain_links_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "chains" ADD CONSTRAINT "chains_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disposal_targets" ADD CONSTRAINT "disposal_targets_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enquiries" ADD CONSTRAINT "enquiries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_chain_link_id_chain_links_id_fk" FOREIGN KEY ("chain_link_id") REFERENCES "public"."chain_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprises" ADD CONSTRAINT "enterprises_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_chains" ADD CONSTRAINT "park_chains_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_chains" ADD CONSTRAINT "park_chains_chain_id_chains_id_fk" FOREIGN KEY ("chain_id") REFERENCES "public"."chains"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_industries" ADD CONSTRAINT "park_industries_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "park_industries" ADD CONSTRAINT "park_industries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "parks" ADD CONSTRAINT "parks_parent_id_parks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plot_industries" ADD CONSTRAINT "plot_industries_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plot_industries" ADD CONSTRAINT "plot_industries_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plots" ADD CONSTRAINT "plots_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_industry_id_industries_id_fk" FOREIGN KEY ("industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_chain_link_id_chain_links_id_fk" FOREIGN KEY ("chain_link_id") REFERENCES "public"."chain_links"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_tour_id_tours_id_fk" FOREIGN KEY ("tour_id") REFERENCES "public"."tours"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_plot_id_plots_id_fk" FOREIGN KEY ("plot_id") REFERENCES "public"."plots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tour_stops" ADD CONSTRAINT "tour_stops_facility_id_facilities_id_fk" FOREIGN KEY ("facility_id") REFERENCES "public"."facilities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tours" ADD CONSTRAINT "tours_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_building_id_buildings_id_fk" FOREIGN KEY ("building_id") REFERENCES "public"."buildings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_tenant_industry_id_industries_id_fk" FOREIGN KEY ("tenant_industry_id") REFERENCES "public"."industries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_parks" ADD CONSTRAINT "user_parks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_parks" ADD CONSTRAINT "user_parks_park_id_parks_id_fk" FOREIGN KEY ("park_id") REFERENCES "public"."parks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "buildings_footprint_gist" ON "buildings" USING gist ("footprint");--> statement-breakpoint
CREATE INDEX "enterprises_location_gist" ON "enterprises" USING gist ("location");--> statement-breakpoint
CREATE INDEX "facilities_location_gist" ON "facilities" USING gist ("location");--> statement-breakpoint
CREATE INDEX "parks_boundary_gist" ON "parks" USING gist ("boundary");--> statement-breakpoint
CREATE UNIQUE INDEX "plots_code_key" ON "plots" USING btree ("code");--> statement-breakpoint
CREATE INDEX "plots_boundary_gist" ON "plots" USING gist ("boundary");--> statement-breakpoint
CREATE INDEX "plots_park_idx" ON "plots" USING btree ("park_id");--> statement-breakpoint
CREATE INDEX "roads_geom_gist" ON "roads" USING gist ("geom");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "tour_stops_location_gist" ON "tour_stops" USING gist ("location");--> statement-breakpoint
CREATE INDEX "tours_route_gist" ON "tours" USING gist ("route");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));