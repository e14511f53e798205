// ✓ a store runs SQL
import { sql } from 'drizzle-orm';
import { betaTable } from '../../db/schema/beta.ts';

export const findBeta = sql`select * from ${sql.identifier(betaTable)}`;
