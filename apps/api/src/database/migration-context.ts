/**
 * What the migrations read from the running app's configuration. `runMigrationsLocked` sets it before it applies
 * them, from the same AppConfig the API or the CLI runs with (so a migration never reads the environment itself).
 */
export const migrationContext: { legacyUploadDir: string | null } = { legacyUploadDir: null };
