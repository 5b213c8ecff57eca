-- Heat hexagons kept at zoom 14 too: a view of a dense zone at z14 holds tens of thousands of
-- sites, too many to sum per request. The kept zooms are now said once, here (lib/server/heat
-- KEPT_ZOOMS says the same; a test holds them equal).
CREATE OR REPLACE FUNCTION heat_kept_zooms() RETURNS SETOF integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT generate_series(4, 14) $$;
--> statement-breakpoint
-- Adds a site's value (and one site, or takes them away) to its hexagon at every kept zoom.
CREATE OR REPLACE FUNCTION heat_cells_add(p_metric text, p_x double precision, p_y double precision, p_value double precision, p_sites integer)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO heat_cells AS c (metric, zoom, i, j, value, sites)
	SELECT p_metric, z, h.i, h.j, p_value, p_sites
	FROM heat_kept_zooms() z CROSS JOIN LATERAL hex_cell(p_x, p_y, heat_hex_size(z)) h
	ON CONFLICT (metric, zoom, i, j) DO UPDATE SET value = c.value + excluded.value, sites = c.sites + excluded.sites;
	IF p_sites < 0 THEN
		DELETE FROM heat_cells c USING heat_kept_zooms() z CROSS JOIN LATERAL hex_cell(p_x, p_y, heat_hex_size(z)) h
		WHERE c.metric = p_metric AND c.zoom = z AND c.i = h.i AND c.j = h.j AND c.sites <= 0;
	END IF;
END $$;
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
	FROM heat_sources s CROSS JOIN heat_kept_zooms() z CROSS JOIN LATERAL hex_cell(s.x, s.y, heat_hex_size(z)) h
	WHERE s.metric = ANY (p_metrics)
	GROUP BY s.metric, z, h.i, h.j;
END $$;
--> statement-breakpoint
SELECT heat_rebuild();
