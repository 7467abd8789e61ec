import type { Dialect } from 'kysely';
import { PorticoError } from '../shared/errors.js';

/**
 * `dialect`, refusing any query with text holding U+0000 (NUL) as an
 * `invalid_input` error, before it reaches the database. Postgres can't
 * store NUL in text and fails the whole statement ("invalid byte sequence"),
 * which would be a 500; SQLite stores it but cuts strings at it in places.
 * Checked here, once, rather than at every route: an id from a URL
 * (`/api/tickets/%00`) reaches a query as surely as a form field does.
 *
 * The check reads the compiled query's parameters (a short array), not the
 * query tree, so it costs next to nothing; bytes (files) are not looked at.
 */
export function refusingNulText(dialect: Dialect): Dialect {
  return {
    createDriver: () => dialect.createDriver(),
    createAdapter: () => dialect.createAdapter(),
    createIntrospector: (db) => dialect.createIntrospector(db),
    createQueryCompiler: () => {
      const compiler = dialect.createQueryCompiler();
      return {
        compileQuery(node, queryId) {
          const compiled = compiler.compileQuery(node, queryId);
          for (const parameter of compiled.parameters) assertNoNul(parameter);
          return compiled;
        },
      };
    },
  };
}

function assertNoNul(value: unknown): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw new PorticoError('invalid_input', 'Text may not contain the NUL character (U+0000).');
  } else if (Array.isArray(value)) {
    for (const item of value) assertNoNul(item);
  }
}
