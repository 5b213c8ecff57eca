ALTER TABLE "notification_outbox" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
-- A building's occupancy, the one definition used by tiles, the finder, the heat map and the
-- site pages (lib/domain/occupancy.ts occupancyOf says the same in TypeScript, and a test holds
-- them equal). With units, they are the leasable area: leased, reserved and vacant are sums of
-- their units (zero when none has that status). Without units, the building's own leasable and
-- leased figures. rate = leased / leasable. An inlinable SQL function (STABLE: units change).
CREATE OR REPLACE FUNCTION building_occupancy(p_building_id integer, p_leasable_m2 double precision, p_leased_m2 double precision)
RETURNS TABLE (leasable_m2 double precision, leased_m2 double precision, reserved_m2 double precision, vacant_m2 double precision, rate double precision)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
	SELECT
		CASE WHEN u.n > 0 THEN u.total ELSE p_leasable_m2 END,
		CASE WHEN u.n > 0 THEN u.leased ELSE least(coalesce(p_leased_m2, 0), p_leasable_m2) END,
		CASE WHEN u.n > 0 THEN u.reserved ELSE 0 END,
		CASE WHEN u.n > 0 THEN u.vacant ELSE p_leasable_m2 - least(coalesce(p_leased_m2, 0), p_leasable_m2) END,
		CASE
			WHEN u.n > 0 THEN CASE WHEN u.total > 0 THEN u.leased / u.total ELSE 0 END
			WHEN p_leasable_m2 > 0 THEN least(coalesce(p_leased_m2, 0), p_leasable_m2) / p_leasable_m2
			ELSE 0
		END
	FROM (
		SELECT count(*) AS n,
			coalesce(sum(area_m2), 0)::float8 AS total,
			coalesce(sum(area_m2) FILTER (WHERE status = 'leased'), 0)::float8 AS leased,
			coalesce(sum(area_m2) FILTER (WHERE status = 'reserved'), 0)::float8 AS reserved,
			coalesce(sum(area_m2) FILTER (WHERE status = 'vacant'), 0)::float8 AS vacant
		FROM units WHERE building_id = p_building_id
	) u
$$;
--> statement-breakpoint
-- A polygon in tile coordinates (integers), made valid for the vector tile: a geometry that
-- simplification and snapping left invalid is repaired (ST_MakeValid, which keeps every
-- vertex) and snapped to the grid again; what still is not valid after that (a sliver folded
-- to nothing) is dropped. Valid input passes unchanged at the cost of one ST_IsValid.
CREATE OR REPLACE FUNCTION valid_tile_polygon(g geometry) RETURNS geometry
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
	SELECT CASE
		WHEN ST_IsValid(g) THEN g
		ELSE (SELECT CASE WHEN ST_IsValid(r) THEN r ELSE ST_GeomFromText('POLYGON EMPTY') END
			FROM (SELECT ST_SnapToGrid(ST_CollectionExtract(ST_MakeValid(g), 3), 1) AS r) x)
	END
$$;
