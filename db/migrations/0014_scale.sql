CREATE TABLE "heat_cells" (
	"metric" text NOT NULL,
	"zoom" smallint NOT NULL,
	"i" integer NOT NULL,
	"j" integer NOT NULL,
	"value" double precision NOT NULL,
	"sites" integer NOT NULL,
	CONSTRAINT "heat_cells_metric_zoom_i_j_pk" PRIMARY KEY("metric","zoom","i","j")
);
--> statement-breakpoint
CREATE TABLE "heat_sources" (
	"metric" text NOT NULL,
	"source" text NOT NULL,
	"x" double precision NOT NULL,
	"y" double precision NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "heat_sources_metric_source_pk" PRIMARY KEY("metric","source")
);
--> statement-breakpoint
CREATE TABLE "plot_cells" (
	"level" smallint NOT NULL,
	"x" integer NOT NULL,
	"y" integer NOT NULL,
	"plots" integer DEFAULT 0 NOT NULL,
	"reserve" integer DEFAULT 0 NOT NULL,
	"available" integer DEFAULT 0 NOT NULL,
	"negotiating" integer DEFAULT 0 NOT NULL,
	"signed" integer DEFAULT 0 NOT NULL,
	"under_construction" integer DEFAULT 0 NOT NULL,
	"in_production" integer DEFAULT 0 NOT NULL,
	"idle" integer DEFAULT 0 NOT NULL,
	"low_efficiency" integer DEFAULT 0 NOT NULL,
	"available_m2" double precision DEFAULT 0 NOT NULL,
	CONSTRAINT "plot_cells_level_x_y_pk" PRIMARY KEY("level","x","y")
);
--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "vacant_m2" double precision;--> statement-breakpoint
ALTER TABLE "buildings" ADD COLUMN "occupancy_rate" double precision;--> statement-breakpoint
ALTER TABLE "plots" ADD COLUMN "industry_codes" text;--> statement-breakpoint
CREATE INDEX "heat_sources_xy_idx" ON "heat_sources" USING btree ("metric","x","y");--> statement-breakpoint
-- ---------------------------------------------------------------- plots' industry codes
-- The plot's suited industries as the tiles carry them, kept by the rows that say them.
CREATE OR REPLACE FUNCTION plot_industry_codes(p_plot integer) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT string_agg(i.code, ',' ORDER BY i.sort_order, i.code)
	FROM plot_industries pi JOIN industries i ON i.id = pi.industry_id WHERE pi.plot_id = p_plot
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plot_industries_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		UPDATE plots SET industry_codes = plot_industry_codes(NEW.plot_id) WHERE id = NEW.plot_id;
	END IF;
	IF TG_OP <> 'INSERT' AND (TG_OP = 'DELETE' OR OLD.plot_id <> NEW.plot_id) THEN
		UPDATE plots SET industry_codes = plot_industry_codes(OLD.plot_id) WHERE id = OLD.plot_id;
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plot_industries_sync AFTER INSERT OR UPDATE OR DELETE ON plot_industries
	FOR EACH ROW EXECUTE FUNCTION plot_industries_sync();
--> statement-breakpoint
-- An industry's code or order changes the lists of the plots suited to it.
CREATE OR REPLACE FUNCTION industries_codes_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.code IS DISTINCT FROM OLD.code OR NEW.sort_order IS DISTINCT FROM OLD.sort_order THEN
		UPDATE plots p SET industry_codes = plot_industry_codes(p.id)
		WHERE p.id IN (SELECT plot_id FROM plot_industries WHERE industry_id = NEW.id);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER industries_codes_sync AFTER UPDATE ON industries FOR EACH ROW EXECUTE FUNCTION industries_codes_sync();
--> statement-breakpoint
UPDATE plots p SET industry_codes = plot_industry_codes(p.id);
--> statement-breakpoint
-- ---------------------------------------------------------------- plot cells (tiles at scale)
-- A point's cell at a level of the Web Mercator tile grid: the tile level/x/y it falls in.
CREATE OR REPLACE FUNCTION mercator_cell(p_x double precision, p_y double precision, p_level integer, OUT x integer, OUT y integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT greatest(0, least((1 << p_level) - 1, floor((p_x + 20037508.342789244) / (40075016.68557849 / (1 << p_level)))::integer)),
		greatest(0, least((1 << p_level) - 1, floor((20037508.342789244 - p_y) / (40075016.68557849 / (1 << p_level)))::integer))
$$;
--> statement-breakpoint
-- Where a site stands on the maps that aggregate: a point on its surface, in EPSG:3857.
CREATE OR REPLACE FUNCTION site_anchor(p_geom geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT ST_Transform(ST_PointOnSurface(p_geom), 3857)
$$;
--> statement-breakpoint
-- Adds (p_sign 1) or takes away (-1) one plot at every level, 9 to 16 (lib/server/tiles/layers.ts PLOT_CELL_LEVELS).
CREATE OR REPLACE FUNCTION plot_cells_add(p_geom geometry, p_status text, p_area_m2 double precision, p_idle boolean, p_low boolean, p_sign integer)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	pt geometry := site_anchor(p_geom);
BEGIN
	INSERT INTO plot_cells AS c (level, x, y, plots, reserve, available, negotiating, signed, under_construction, in_production, idle, low_efficiency, available_m2)
	SELECT l, (mercator_cell(ST_X(pt), ST_Y(pt), l)).x, (mercator_cell(ST_X(pt), ST_Y(pt), l)).y, p_sign,
		CASE WHEN p_status = 'reserve' THEN p_sign ELSE 0 END, CASE WHEN p_status = 'available' THEN p_sign ELSE 0 END,
		CASE WHEN p_status = 'negotiating' THEN p_sign ELSE 0 END, CASE WHEN p_status = 'signed' THEN p_sign ELSE 0 END,
		CASE WHEN p_status = 'under_construction' THEN p_sign ELSE 0 END, CASE WHEN p_status = 'in_production' THEN p_sign ELSE 0 END,
		CASE WHEN p_idle THEN p_sign ELSE 0 END, CASE WHEN p_low THEN p_sign ELSE 0 END,
		CASE WHEN p_status = 'available' THEN p_sign * p_area_m2 ELSE 0 END
	FROM generate_series(9, 16) l
	ON CONFLICT (level, x, y) DO UPDATE SET plots = c.plots + excluded.plots, reserve = c.reserve + excluded.reserve,
		available = c.available + excluded.available, negotiating = c.negotiating + excluded.negotiating, signed = c.signed + excluded.signed,
		under_construction = c.under_construction + excluded.under_construction, in_production = c.in_production + excluded.in_production,
		idle = c.idle + excluded.idle, low_efficiency = c.low_efficiency + excluded.low_efficiency,
		available_m2 = CASE WHEN c.available + excluded.available > 0 THEN c.available_m2 + excluded.available_m2 ELSE 0 END;
	IF p_sign < 0 THEN
		DELETE FROM plot_cells c USING generate_series(9, 16) l
		WHERE c.level = l AND (c.x, c.y) = (SELECT * FROM mercator_cell(ST_X(pt), ST_Y(pt), l)) AND c.plots <= 0;
	END IF;
END $$;
--> statement-breakpoint
-- Recomputes every cell from the plots (after a bulk load with triggers off, or to check).
CREATE OR REPLACE FUNCTION plot_cells_rebuild() RETURNS void
LANGUAGE sql AS $$
	DELETE FROM plot_cells;
	INSERT INTO plot_cells (level, x, y, plots, reserve, available, negotiating, signed, under_construction, in_production, idle, low_efficiency, available_m2)
	SELECT l, c.x, c.y, count(*),
		count(*) FILTER (WHERE p.supply_status = 'reserve'), count(*) FILTER (WHERE p.supply_status = 'available'),
		count(*) FILTER (WHERE p.supply_status = 'negotiating'), count(*) FILTER (WHERE p.supply_status = 'signed'),
		count(*) FILTER (WHERE p.supply_status = 'under_construction'), count(*) FILTER (WHERE p.supply_status = 'in_production'),
		count(*) FILTER (WHERE p.is_idle), count(*) FILTER (WHERE p.is_low_efficiency),
		coalesce(sum(p.area_m2) FILTER (WHERE p.supply_status = 'available'), 0)
	FROM (SELECT *, site_anchor(boundary) AS pt FROM plots WHERE published) p
		CROSS JOIN generate_series(9, 16) l
		CROSS JOIN LATERAL mercator_cell(ST_X(p.pt), ST_Y(p.pt), l) c
	GROUP BY l, c.x, c.y;
$$;
--> statement-breakpoint
-- ---------------------------------------------------------------- heat cells
-- The hexagon (ST_Hexagon's cell_i, cell_j) a point of EPSG:3857 falls in, for hexagons of edge
-- p_size: flat-topped, odd columns half a height up, as ST_HexagonGrid lays them.
CREATE OR REPLACE FUNCTION hex_cell(p_x double precision, p_y double precision, p_size double precision, OUT i integer, OUT j integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	SELECT c.qi::integer, (c.ri + (c.qi - (c.qi::bigint & 1)) / 2)::integer
	FROM (
		SELECT CASE WHEN dq > dr AND dq > ds THEN -rr - rs ELSE rq END AS qi,
			CASE WHEN dq > dr AND dq > ds THEN rr WHEN dr > ds THEN -rq - rs ELSE rr END AS ri
		FROM (
			SELECT rq, rr, rs, abs(rq - q) AS dq, abs(rr - r) AS dr, abs(rs - (-q - r)) AS ds
			FROM (
				SELECT q, r, round(q) AS rq, round(r) AS rr, round(-q - r) AS rs
				FROM (SELECT (2.0 / 3.0 * p_x) / p_size AS q, (-1.0 / 3.0 * p_x + sqrt(3.0) / 3.0 * p_y) / p_size AS r) a
			) b
		) c0
	) c
$$;
--> statement-breakpoint
-- The heat map's hexagon edge for a zoom (lib/server/heat hexSizeM says the same).
CREATE OR REPLACE FUNCTION heat_hex_size(p_zoom integer) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 18 * 78271.517 / (2.0 ^ p_zoom) $$;
--> statement-breakpoint
-- Adds a site's value (and one site, or takes them away) to its hexagon at every zoom 4–13.
CREATE OR REPLACE FUNCTION heat_cells_add(p_metric text, p_x double precision, p_y double precision, p_value double precision, p_sites integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO heat_cells AS c (metric, zoom, i, j, value, sites)
	SELECT p_metric, z, h.i, h.j, p_value, p_sites
	FROM generate_series(4, 13) z CROSS JOIN LATERAL hex_cell(p_x, p_y, heat_hex_size(z)) h
	ON CONFLICT (metric, zoom, i, j) DO UPDATE SET value = c.value + excluded.value, sites = c.sites + excluded.sites;
	IF p_sites < 0 THEN
		DELETE FROM heat_cells c USING generate_series(4, 13) z CROSS JOIN LATERAL hex_cell(p_x, p_y, heat_hex_size(z)) h
		WHERE c.metric = p_metric AND c.zoom = z AND c.i = h.i AND c.j = h.j AND c.sites <= 0;
	END IF;
END $$;
--> statement-breakpoint
-- Sets what one site adds to a metric: its point (EPSG:3857) and value; null or ≤ 0 takes it away.
CREATE OR REPLACE FUNCTION heat_set(p_metric text, p_source text, p_pt geometry, p_value double precision)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	old heat_sources%ROWTYPE;
BEGIN
	SELECT * INTO old FROM heat_sources WHERE metric = p_metric AND source = p_source;
	IF FOUND THEN
		IF p_pt IS NOT NULL AND p_value > 0 AND old.x = ST_X(p_pt) AND old.y = ST_Y(p_pt) AND old.value = p_value THEN
			RETURN;
		END IF;
		PERFORM heat_cells_add(p_metric, old.x, old.y, -old.value, -1);
		DELETE FROM heat_sources WHERE metric = p_metric AND source = p_source;
	END IF;
	IF p_pt IS NOT NULL AND p_value > 0 THEN
		INSERT INTO heat_sources (metric, source, x, y, value) VALUES (p_metric, p_source, ST_X(p_pt), ST_Y(p_pt), p_value);
		PERFORM heat_cells_add(p_metric, ST_X(p_pt), ST_Y(p_pt), p_value, 1);
	END IF;
END $$;
--> statement-breakpoint
-- A plot's available land (亩) when published, on offer and in a published park.
CREATE OR REPLACE FUNCTION heat_plot_refresh(p_plot integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	SELECT p.boundary, p.area_m2 / (10000.0 / 15) AS mu, p.published AND k.published AND p.supply_status = 'available' AS counts INTO r
	FROM plots p JOIN parks k ON k.id = p.park_id WHERE p.id = p_plot;
	IF FOUND AND r.counts THEN PERFORM heat_set('available_land', 'p' || p_plot, site_anchor(r.boundary), r.mu);
	ELSE PERFORM heat_set('available_land', 'p' || p_plot, NULL, NULL);
	END IF;
END $$;
--> statement-breakpoint
-- A building's vacant floor area (m², building_occupancy's) when published in a published park; it
-- also keeps the building's own vacant_m2 and occupancy_rate.
CREATE OR REPLACE FUNCTION building_occupancy_refresh(p_building integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	r record;
BEGIN
	SELECT b.footprint, o.vacant_m2, o.rate, b.published AND coalesce(k.published, false) AS counts,
		b.vacant_m2 IS NOT DISTINCT FROM o.vacant_m2 AND b.occupancy_rate IS NOT DISTINCT FROM o.rate AS same INTO r
	FROM buildings b LEFT JOIN parks k ON k.id = b.park_id
		CROSS JOIN LATERAL building_occupancy(b.id, b.leasable_area_m2, b.leased_area_m2) o
	WHERE b.id = p_building;
	IF NOT FOUND THEN
		PERFORM heat_set('vacant_floor', 'b' || p_building, NULL, NULL);
		RETURN;
	END IF;
	IF NOT r.same THEN
		UPDATE buildings SET vacant_m2 = r.vacant_m2, occupancy_rate = r.rate WHERE id = p_building;
	END IF;
	IF r.counts THEN PERFORM heat_set('vacant_floor', 'b' || p_building, site_anchor(r.footprint), r.vacant_m2);
	ELSE PERFORM heat_set('vacant_floor', 'b' || p_building, NULL, NULL);
	END IF;
END $$;
--> statement-breakpoint
-- Demand at a site: enquiries of the past year and page views of the past 90 days.
CREATE OR REPLACE FUNCTION heat_demand_refresh(p_kind text, p_id integer) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
	g geometry;
	site_code_of text;
	source_key text := CASE p_kind WHEN 'plot' THEN 'p' WHEN 'building' THEN 'b' ELSE 'k' END || p_id;
	n double precision;
BEGIN
	IF p_id IS NULL THEN RETURN; END IF;
	IF p_kind = 'plot' THEN SELECT p.boundary, p.code INTO g, site_code_of FROM plots p WHERE p.id = p_id AND p.published;
	ELSIF p_kind = 'building' THEN SELECT b.footprint, b.code INTO g, site_code_of FROM buildings b WHERE b.id = p_id AND b.published;
	ELSE SELECT k.boundary, k.code INTO g, site_code_of FROM parks k WHERE k.id = p_id AND k.published;
	END IF;
	IF g IS NULL THEN
		PERFORM heat_set('demand', source_key, NULL, NULL);
		RETURN;
	END IF;
	SELECT coalesce((SELECT count(*) FROM enquiries e WHERE e.site_kind = p_kind AND e.created_at > now() - interval '365 days'
			AND CASE p_kind WHEN 'plot' THEN e.plot_id WHEN 'building' THEN e.building_id ELSE e.park_id END = p_id), 0)
		+ coalesce((SELECT sum(v.views) FROM site_views v WHERE v.site_kind = p_kind AND v.site_code = site_code_of AND v.day > current_date - 90), 0)
	INTO n;
	PERFORM heat_set('demand', source_key, site_anchor(g), n);
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION plots_aggregates_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.boundary IS NOT DISTINCT FROM OLD.boundary AND NEW.published = OLD.published
		AND NEW.supply_status = OLD.supply_status AND NEW.area_m2 = OLD.area_m2 AND NEW.is_idle = OLD.is_idle
		AND NEW.is_low_efficiency = OLD.is_low_efficiency AND NEW.park_id = OLD.park_id AND NEW.code = OLD.code THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' AND OLD.published THEN
		PERFORM plot_cells_add(OLD.boundary, OLD.supply_status, OLD.area_m2, OLD.is_idle, OLD.is_low_efficiency, -1);
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.published THEN
		PERFORM plot_cells_add(NEW.boundary, NEW.supply_status, NEW.area_m2, NEW.is_idle, NEW.is_low_efficiency, 1);
	END IF;
	IF TG_OP = 'DELETE' THEN
		PERFORM heat_set('available_land', 'p' || OLD.id, NULL, NULL);
		PERFORM heat_set('demand', 'p' || OLD.id, NULL, NULL);
	ELSE
		PERFORM heat_plot_refresh(NEW.id);
		PERFORM heat_demand_refresh('plot', NEW.id);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER plots_aggregates_sync AFTER INSERT OR UPDATE OR DELETE ON plots FOR EACH ROW EXECUTE FUNCTION plots_aggregates_sync();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION buildings_aggregates_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND NEW.footprint IS NOT DISTINCT FROM OLD.footprint AND NEW.published = OLD.published
		AND NEW.leasable_area_m2 = OLD.leasable_area_m2 AND NEW.leased_area_m2 IS NOT DISTINCT FROM OLD.leased_area_m2
		AND NEW.park_id IS NOT DISTINCT FROM OLD.park_id AND NEW.code = OLD.code THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'DELETE' THEN
		PERFORM heat_set('vacant_floor', 'b' || OLD.id, NULL, NULL);
		PERFORM heat_set('demand', 'b' || OLD.id, NULL, NULL);
	ELSE
		PERFORM building_occupancy_refresh(NEW.id);
		PERFORM heat_demand_refresh('building', NEW.id);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER buildings_aggregates_sync AFTER INSERT OR UPDATE OR DELETE ON buildings FOR EACH ROW EXECUTE FUNCTION buildings_aggregates_sync();
--> statement-breakpoint
-- Units: once per statement, for each building whose units it touched.
CREATE OR REPLACE FUNCTION units_new_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM building_occupancy_refresh(b) FROM (SELECT DISTINCT building_id AS b FROM new_units) x;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION units_old_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM building_occupancy_refresh(b) FROM (SELECT DISTINCT building_id AS b FROM old_units) x;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_insert_sync AFTER INSERT ON units REFERENCING NEW TABLE AS new_units FOR EACH STATEMENT EXECUTE FUNCTION units_new_sync();
--> statement-breakpoint
CREATE TRIGGER units_update_sync AFTER UPDATE ON units REFERENCING NEW TABLE AS new_units FOR EACH STATEMENT EXECUTE FUNCTION units_new_sync();
--> statement-breakpoint
CREATE TRIGGER units_delete_sync AFTER DELETE ON units REFERENCING OLD TABLE AS old_units FOR EACH STATEMENT EXECUTE FUNCTION units_old_sync();
--> statement-breakpoint
-- A park published or withdrawn, or moved: its plots and buildings count again (or not).
CREATE OR REPLACE FUNCTION parks_aggregates_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF NEW.published IS DISTINCT FROM OLD.published OR NEW.boundary IS DISTINCT FROM OLD.boundary THEN
		PERFORM heat_plot_refresh(p.id) FROM plots p WHERE p.park_id = NEW.id;
		PERFORM building_occupancy_refresh(b.id) FROM buildings b WHERE b.park_id = NEW.id;
		PERFORM heat_demand_refresh('park', NEW.id);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER parks_aggregates_sync AFTER UPDATE ON parks FOR EACH ROW EXECUTE FUNCTION parks_aggregates_sync();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION enquiries_demand_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP <> 'DELETE' THEN
		PERFORM heat_demand_refresh(NEW.site_kind, CASE NEW.site_kind WHEN 'plot' THEN NEW.plot_id WHEN 'building' THEN NEW.building_id ELSE NEW.park_id END);
	END IF;
	IF TG_OP <> 'INSERT' THEN
		PERFORM heat_demand_refresh(OLD.site_kind, CASE OLD.site_kind WHEN 'plot' THEN OLD.plot_id WHEN 'building' THEN OLD.building_id ELSE OLD.park_id END);
	END IF;
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER enquiries_demand_sync AFTER INSERT OR DELETE OR UPDATE OF site_kind, plot_id, building_id, park_id ON enquiries
	FOR EACH ROW EXECUTE FUNCTION enquiries_demand_sync();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION site_views_demand_sync() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	kind text;
	site text;
BEGIN
	IF TG_OP = 'DELETE' THEN kind := OLD.site_kind; site := OLD.site_code; ELSE kind := NEW.site_kind; site := NEW.site_code; END IF;
	PERFORM heat_demand_refresh(kind, CASE kind
		WHEN 'plot' THEN (SELECT id FROM plots WHERE code = site)
		WHEN 'building' THEN (SELECT id FROM buildings WHERE code = site)
		ELSE (SELECT id FROM parks WHERE code = site) END);
	RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER site_views_demand_sync AFTER INSERT OR UPDATE OR DELETE ON site_views FOR EACH ROW EXECUTE FUNCTION site_views_demand_sync();
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enquiries_plot_idx ON enquiries (plot_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enquiries_building_idx ON enquiries (building_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS enquiries_park_idx ON enquiries (park_id);
--> statement-breakpoint
-- Recomputes every heat source and cell from the data (after a bulk load with triggers off, and
-- daily for demand, whose windows move with the calendar).
CREATE OR REPLACE FUNCTION heat_rebuild(p_metrics text[] DEFAULT ARRAY['available_land', 'vacant_floor', 'demand']) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
	IF 'vacant_floor' = ANY (p_metrics) THEN
		UPDATE buildings b SET vacant_m2 = o.vacant_m2, occupancy_rate = o.rate
		FROM buildings x CROSS JOIN LATERAL building_occupancy(x.id, x.leasable_area_m2, x.leased_area_m2) o
		WHERE x.id = b.id AND (b.vacant_m2 IS DISTINCT FROM o.vacant_m2 OR b.occupancy_rate IS DISTINCT FROM o.rate);
	END IF;
	DELETE FROM heat_sources WHERE metric = ANY (p_metrics);
	DELETE FROM heat_cells WHERE metric = ANY (p_metrics);
	IF 'available_land' = ANY (p_metrics) THEN
		INSERT INTO heat_sources (metric, source, x, y, value)
		SELECT 'available_land', 'p' || p.id, ST_X(a), ST_Y(a), p.area_m2 / (10000.0 / 15)
		FROM plots p JOIN parks k ON k.id = p.park_id CROSS JOIN LATERAL site_anchor(p.boundary) a
		WHERE p.published AND k.published AND p.supply_status = 'available' AND p.area_m2 > 0;
	END IF;
	IF 'vacant_floor' = ANY (p_metrics) THEN
		INSERT INTO heat_sources (metric, source, x, y, value)
		SELECT 'vacant_floor', 'b' || b.id, ST_X(a), ST_Y(a), b.vacant_m2
		FROM buildings b JOIN parks k ON k.id = b.park_id CROSS JOIN LATERAL site_anchor(b.footprint) a
		WHERE b.published AND k.published AND b.vacant_m2 > 0;
	END IF;
	IF 'demand' = ANY (p_metrics) THEN
		INSERT INTO heat_sources (metric, source, x, y, value)
		SELECT 'demand', d.source, ST_X(site_anchor(d.geom)), ST_Y(site_anchor(d.geom)), sum(d.n)
		FROM (
			SELECT 'p' || p.id AS source, p.boundary AS geom, 1.0 AS n FROM enquiries e JOIN plots p ON p.id = e.plot_id AND p.published
			WHERE e.site_kind = 'plot' AND e.created_at > now() - interval '365 days'
			UNION ALL
			SELECT 'b' || b.id, b.footprint, 1.0 FROM enquiries e JOIN buildings b ON b.id = e.building_id AND b.published
			WHERE e.site_kind = 'building' AND e.created_at > now() - interval '365 days'
			UNION ALL
			SELECT 'k' || k.id, k.boundary, 1.0 FROM enquiries e JOIN parks k ON k.id = e.park_id AND k.published
			WHERE e.site_kind = 'park' AND e.created_at > now() - interval '365 days'
			UNION ALL
			SELECT 'p' || p.id, p.boundary, v.views FROM site_views v JOIN plots p ON p.code = v.site_code AND p.published
			WHERE v.site_kind = 'plot' AND v.day > current_date - 90
			UNION ALL
			SELECT 'b' || b.id, b.footprint, v.views FROM site_views v JOIN buildings b ON b.code = v.site_code AND b.published
			WHERE v.site_kind = 'building' AND v.day > current_date - 90
			UNION ALL
			SELECT 'k' || k.id, k.boundary, v.views FROM site_views v JOIN parks k ON k.code = v.site_code AND k.published
			WHERE v.site_kind = 'park' AND v.day > current_date - 90
		) d
		GROUP BY d.source, d.geom HAVING sum(d.n) > 0;
	END IF;
	INSERT INTO heat_cells (metric, zoom, i, j, value, sites)
	SELECT s.metric, z, h.i, h.j, sum(s.value), count(*)
	FROM heat_sources s CROSS JOIN generate_series(4, 13) z CROSS JOIN LATERAL hex_cell(s.x, s.y, heat_hex_size(z)) h
	WHERE s.metric = ANY (p_metrics)
	GROUP BY s.metric, z, h.i, h.j;
END $$;
--> statement-breakpoint
SELECT plot_cells_rebuild();
--> statement-breakpoint
SELECT heat_rebuild();
