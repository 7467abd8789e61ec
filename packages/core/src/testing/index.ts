export { describeEachDatabase, openTestPostgres, openTestSqlite, POSTGRES_URL_VARIABLE, type TestDatabase } from './databases.js';
export { seedBusiness, type SeededBusiness } from './fixtures.js';
