-- One data-version row per map layer; writes bump them in their own transaction.
INSERT INTO "layer_versions" ("layer", "version") VALUES
	('parks', 1), ('plots', 1), ('buildings', 1), ('facilities', 1), ('roads', 1)
ON CONFLICT ("layer") DO NOTHING;
