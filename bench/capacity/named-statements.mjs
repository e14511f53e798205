// A measurement, not a change to the server: preloaded into a bench server (`node --import this-file …`), it gives
// every parameterised statement node-postgres sends a name derived from its text, so PostgreSQL parses and
// plans it once per connection and then only binds and executes it (as pgbench -M prepared does). The capacity
// suite runs the API with and without it in the same run to see what named prepared statements would gain.
import { createHash } from 'node:crypto';
import pg from 'pg';

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function namedQuery(config, values, callback) {
  const text = typeof config === 'string' ? config : config?.text;
  const params = Array.isArray(values) ? values : config?.values;
  // Only statements with parameters: those go through the extended protocol anyway, and one text is one
  // statement (a multi-statement script cannot be prepared).
  if (typeof text !== 'string' || !Array.isArray(params) || params.length === 0 || config?.name || config?.submit)
    return query.call(this, config, values, callback);
  const name = `w${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  const named = typeof config === 'string' ? { text, name } : { ...config, name };
  return query.call(this, named, values, callback);
};
