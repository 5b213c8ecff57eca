ALTER TABLE "buildings" ADD COLUMN "near_m" double precision[];--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "near_m" double precision[];--> statement-breakpoint
-- ---------------------------------------------------------------- distances to facilities
-- The finder's "near a facility" is a column, so that it filters and scores a million sites
-- without a nearest-neighbour search per site. near_m holds, for each facility kind, the metres
-- from the site to the nearest published facility of that kind (on the spheroid; null past
-- 100 km, the finder's widest radius). Kept in the writing transaction: a site computes its own
-- on insert and when it moves; a facility that appears, moves, changes kind or goes recomputes
-- the sites within 100 km of where it was and where it is.
--
-- The kinds in the order of near_m: lib/domain/vocab.ts FACILITY_KINDS (a test holds them equal).
CREATE OR REPLACE FUNCTION facility_kinds() RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ARRAY['port', 'airport', 'rail_station', 'highway_exit', 'university', 'research_institute', 'incubator', 'government', 'hotel']
$$;
--> statement-breakpoint
CREATE INDEX "facilities_location_geog_gist" ON "facilities" USING gist (("location"::geography));
--> statement-breakpoint
-- The index's nearest-neighbour order is not exactly the spheroid's: the facility it finds first
-- bounds the distance, and the nearest on the spheroid is looked for within that bound (widened
-- by 1 %, as ST_DWithin and ST_Distance may measure a little apart).
CREATE OR REPLACE FUNCTION site_near_one(p_geom geometry, p_kind text) RETURNS double precision
LANGUAGE sql STABLE AS $$
	SELECT x.d FROM (
		SELECT min(ST_Distance(f.location::geography, p_geom::geography)) AS d FROM facilities f
		WHERE f.published AND f.kind = p_kind
			AND ST_DWithin(f.location::geography, p_geom::geography, (
				SELECT ST_Distance(n.location::geography, p_geom::geography) FROM facilities n
				WHERE n.published AND n.kind = p_kind
				ORDER BY n.location::geography <-> p_geom::geography LIMIT 1) * 1.01 + 1)
	) x WHERE x.d <= 100000
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION site_near_m(p_geom geometry) RETURNS double precision[]
LANGUAGE sql STABLE AS $$
	SELECT array_agg(site_near_one(p_geom, u.k) ORDER BY u.o) FROM unnest(facility_kinds()) WITH ORDINALITY AS u(k, o)
$$;
--> statement-breakpoint
-- A site computes its own distances when it is drawn or moved (plots: boundary; buildings: footprint).
CREATE OR REPLACE FUNCTION sites_near_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_TABLE_NAME = 'plots' THEN
		IF TG_OP = 'INSERT' OR NEW.boundary IS DISTINCT FROM OLD.boundary OR NEW.near_m IS NULL THEN
			NEW.near_m := site_near_m(NEW.boundary);
		END IF;
	ELSIF TG_OP = 'INSERT' OR NEW.footprint IS DISTINCT FROM OLD.footprint OR NEW.near_m IS NULL THEN
		NEW.near_m := site_near_m(NEW.footprint);
	END IF;
	RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER plots_near_sync BEFORE INSERT OR UPDATE ON plots FOR EACH ROW EXECUTE FUNCTION sites_near_sync();
--> statement-breakpoint
CREATE TRIGGER buildings_near_sync BEFORE INSERT OR UPDATE ON buildings FOR EACH ROW EXECUTE FUNCTION sites_near_sync();
--> statement-breakpoint
-- The sites within 100 km of a place (101 km, as above) get their distance to the kind anew; only changed rows are written.
CREATE OR REPLACE FUNCTION sites_near_refresh(p_kind text, p_at geometry) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	slot integer := array_position(facility_kinds(), p_kind);
	d_lat double precision := 101000 / 110574.0 * 1.01;
	d_lon double precision := least(360, 101000 / (111320 * cos(radians(least(89, abs(ST_Y(p_at)) + d_lat)))) * 1.01);
	box geometry := ST_Expand(p_at, d_lon, d_lat);
BEGIN
	IF slot IS NULL THEN RETURN; END IF;
	UPDATE plots s SET near_m[slot] = x.d
	FROM (SELECT p.id, site_near_one(p.boundary, p_kind) AS d FROM plots p
		WHERE p.boundary && box AND ST_DWithin(p.boundary::geography, p_at::geography, 101000)) x
	WHERE s.id = x.id AND s.near_m[slot] IS DISTINCT FROM x.d;
	UPDATE buildings s SET near_m[slot] = x.d
	FROM (SELECT b.id, site_near_one(b.footprint, p_kind) AS d FROM buildings b
		WHERE b.footprint && box AND ST_DWithin(b.footprint::geography, p_at::geography, 101000)) x
	WHERE s.id = x.id AND s.near_m[slot] IS DISTINCT FROM x.d;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION facilities_near_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.published = OLD.published AND NEW.kind = OLD.kind AND NEW.location IS NOT DISTINCT FROM OLD.location THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' AND OLD.published THEN
		PERFORM sites_near_refresh(OLD.kind, OLD.location);
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.published THEN
		PERFORM sites_near_refresh(NEW.kind, NEW.location);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER facilities_near_sync AFTER INSERT OR UPDATE OR DELETE ON facilities FOR EACH ROW EXECUTE FUNCTION facilities_near_sync();
--> statement-breakpoint
UPDATE plots SET near_m = site_near_m(boundary);
--> statement-breakpoint
UPDATE buildings SET near_m = site_near_m(footprint);
--> statement-breakpoint
CREATE INDEX "buildings_finder_idx" ON "buildings" USING btree ("kind","vacant_m2","rent_yuan_per_m2_day","occupancy_rate","confirmed_at","park_id","id","code","near_m") WHERE published;--> statement-breakpoint
CREATE INDEX "plots_finder_idx" ON "plots" USING btree ("supply_status","area_m2","land_use","price_wan_per_mu","confirmed_at","park_id","id","code","readiness_items","industry_codes","near_m") WHERE published;
