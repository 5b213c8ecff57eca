CREATE TABLE "job_runs" (
	"job" text PRIMARY KEY NOT NULL,
	"ran_on" date NOT NULL
);
