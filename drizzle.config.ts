import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and reviewed before they are committed.
// `npm run db:generate` writes them to db/migrations; the app applies them itself.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './db/migrations'
});
