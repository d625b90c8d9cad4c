// Kùzu side of the query benchmark (tools/bench/kuzu_compare.sh runs it).
//
//   node kuzu_compare.mjs load  MODULES DB CSV    load CSV/entities.csv and
//                                                  CSV/relations.csv into the
//                                                  on-disk database DB
//   node kuzu_compare.mjs first MODULES DB NAME   open DB, answer one 1-hop
//                                                  query (a cold process)
//   node kuzu_compare.mjs run   MODULES DB CSV [GEOKG STORE]
//                                                  the table's queries: time
//                                                  (median of a few runs),
//                                                  rows, and the answer
//                                                  checked against a plain
//                                                  BFS / count over the CSV;
//                                                  with GEOKG and STORE, the
//                                                  same questions asked of
//                                                  `geokg query` are checked
//                                                  against it too
//
// The CSV is the graph as bench_query's store holds it (bench_query --csv):
// entities "name,kind", relations "source,target,type". Kùzu gets one
// relationship table per type (named as geokg's Kùzu export names them:
// ALLIED_WITH, ATTACKED, ...), so that a typed pattern is a table choice. The nodes queried
// are chosen as bench_query chooses them: the hub is the first vertex of
// greatest degree, the "deg~50" node the last with degree 45..55.
// Exit status: 0 ok (answers may still differ: they are printed), 3 the kuzu
// package cannot be loaded, 1 a query failed.
import fs from "fs";
import path from "path";
import { createRequire } from "module";
import { execFileSync } from "child_process";

const [mode, modulesDir, dbDir, arg, geokg, store] = process.argv.slice(2);
let kuzu;
try {
  kuzu = createRequire(import.meta.url)(path.join(path.resolve(modulesDir), "kuzu"));
} catch (e) {
  console.error("kuzu package not loadable from " + modulesDir + ": " + e.message);
  process.exit(3);
}

const now = () => Number(process.hrtime.bigint()) / 1e6;  // ms
const table = (type) => type.toUpperCase().replace(/-/g, "_");

async function all(conn, q) {
  return (await conn.query(q)).getAll();
}

function readCsv(dir) {
  const names = [], kinds = [];
  for (const line of fs.readFileSync(path.join(dir, "entities.csv"), "utf8").split("\n")) {
    if (!line) continue;
    const [name, kind] = line.split(",");
    names.push(name);
    kinds.push(kind);
  }
  const index = new Map(names.map((n, i) => [n, i]));
  const edges = [];
  for (const line of fs.readFileSync(path.join(dir, "relations.csv"), "utf8").split("\n")) {
    if (!line) continue;
    const [s, t, type] = line.split(",");
    edges.push([index.get(s), index.get(t), type]);
  }
  return { names, kinds, edges };
}

// Targets reachable from `start` over 1..maxHops directed edges whose type
// is in `types` (null: any): BFS, plus the start itself when a closed walk
// of length <= maxHops returns to it.
function reach(g, out, start, types, maxHops) {
  const dist = new Map([[start, 0]]);
  let frontier = [start], back = false;
  for (let level = 1; level <= maxHops; ++level) {
    const next = [];
    for (const u of frontier)
      for (const [v, type] of out[u] || []) {
        if (types && !types.has(type)) continue;
        if (v === start) back = true;
        if (dist.has(v)) continue;
        dist.set(v, level);
        next.push(v);
      }
    frontier = next;
  }
  const result = new Set([...dist.keys()].filter((v) => v !== start));
  if (back) result.add(start);
  return result;
}

(async () => {
  if (mode === "load") {
    const db = new kuzu.Database(dbDir);
    const conn = new kuzu.Connection(db);
    const t0 = now();
    await conn.query("CREATE NODE TABLE Entity(name STRING, kind STRING, PRIMARY KEY(name))");
    await conn.query(`COPY Entity FROM '${path.join(arg, "entities.csv")}' (header=false)`);
    const byType = new Map();
    for (const line of fs.readFileSync(path.join(arg, "relations.csv"), "utf8").split("\n")) {
      if (!line) continue;
      const type = line.slice(line.lastIndexOf(",") + 1);
      if (!byType.has(type)) byType.set(type, []);
      byType.get(type).push(line.slice(0, line.lastIndexOf(",")));
    }
    for (const [type, lines] of byType) {
      const file = path.join(path.dirname(dbDir), `rel-${type}.csv`);
      fs.writeFileSync(file, lines.join("\n") + "\n");
      await conn.query(`CREATE REL TABLE ${table(type)}(FROM Entity TO Entity)`);
      await conn.query(`COPY ${table(type)} FROM '${file}' (header=false)`);
    }
    console.log(`kuzu: loaded ${arg} in ${((now() - t0) / 1000).toFixed(1)} s`);
    return;
  }
  if (mode === "first") {
    const t0 = now();
    const db = new kuzu.Database(dbDir);
    const conn = new kuzu.Connection(db);
    const rows = await all(conn, `MATCH (a:Entity {name: '${arg}'})-[]->(b) RETURN b.name`);
    console.log(`  kuzu child: open + first query ${(now() - t0).toFixed(1)} ms (${rows.length} rows)`);
    return;
  }
  const g = readCsv(arg);
  const out = [], degree = new Array(g.names.length).fill(0);
  for (const [s, t, type] of g.edges) {
    (out[s] ||= []).push([t, type]);
    ++degree[s];
    ++degree[t];
  }
  let hub = 0, mid = 0;
  for (let v = 0; v < g.names.length; ++v) {
    if (degree[v] > degree[hub]) hub = v;
    if (degree[v] >= 45 && degree[v] <= 55) mid = v;
  }
  const db = new kuzu.Database(dbDir);
  const conn = new kuzu.Connection(db);
  const typed = new Set(["attacked", "blamed", "allied-with"]);
  const typedTables = [...typed].map(table).join("|");
  const countBy = (f) => {
    const m = new Map();
    for (const x of f) m.set(x, (m.get(x) || 0) + 1);
    return m;
  };
  // Each case: label, Kùzu query, and the expected answer as a sorted list
  // of strings (rows joined by '|'), from the CSV.
  // Each case: label, Kùzu query, geokg query, expected answer.
  const cases = [];
  const keyed = (m) => [...m].map(([k, c]) => `${k}|${c}`).sort();
  const perType = keyed(countBy(g.edges.map((e) => e[2])));
  cases.push(["whole graph: count per relation type", "MATCH ()-[r]->() RETURN label(r), count(*)",
              "MATCH ()-[r]->() RETURN type(r), count(*)", perType,
              (row) => row.replace(/^[^|]*/, (t) => t.toLowerCase().replace(/_/g, "-"))]);
  cases.push(["whole graph: count per entity kind", "MATCH (n:Entity) RETURN n.kind, count(*)",
              "MATCH (n) RETURN n.kind, count(*)", keyed(countBy(g.kinds))]);
  for (const [label, v] of [["(deg~50)", mid], ["(hub)", hub]]) {
    const name = g.names[v];
    const expected = [...reach(g, out, v, typed, 3)].map((x) => g.names[x]).sort();
    const from = `MATCH (a:Entity {name: '${name}'})-[:${typedTables}*1..3]->(b)`;
    const ours = `MATCH (a {name: '${name}'})-[:attacked|blamed|allied-with*1..3]->(b)`;
    cases.push([`3-hop typed reach, DISTINCT b ${label}`, `${from} RETURN DISTINCT b`,
                `${ours} RETURN DISTINCT b`, expected]);
    cases.push([`3-hop typed reach, DISTINCT b.name ${label}`, `${from} RETURN DISTINCT b.name`,
                `${ours} RETURN DISTINCT b.name`, expected]);
    cases.push([`3-hop typed reach, count(DISTINCT b) ${label}`, `${from} RETURN count(DISTINCT b)`,
                `${ours} RETURN count(DISTINCT b)`, [String(expected.length)]]);
  }
  {
    const expected = [...reach(g, out, hub, null, 3)].map((x) => g.names[x]).sort();
    const from = `MATCH (a:Entity {name: '${g.names[hub]}'})-[*1..3]->(b)`;
    const ours = `MATCH (a {name: '${g.names[hub]}'})-[*1..3]->(b)`;
    cases.push(["3-hop untyped reach, DISTINCT b (hub)", `${from} RETURN DISTINCT b`, `${ours} RETURN DISTINCT b`,
                expected]);
    cases.push(["3-hop untyped reach, DISTINCT b.name (hub)", `${from} RETURN DISTINCT b.name`,
                `${ours} RETURN DISTINCT b.name`, expected]);
  }
  // A cell as text: a node by its name.
  const cell = (x) => (x && typeof x === "object" && "name" in x ? x.name : String(x));
  console.log(`kuzu 0.11.3: ${g.names.length} entities, ${g.edges.length} relations; hub ${g.names[hub]} ` +
              `(degree ${degree[hub]}), deg~50 node ${g.names[mid]}`);
  let wrong = 0;
  for (const [label, q, ours, expected, kuzuRow = (x) => x] of cases) {
    let rows;
    const times = [];
    for (let rep = 0; rep < 5; ++rep) {  // the first run warms the caches and is not counted
      const t0 = now();
      rows = await all(conn, q);
      if (rep > 0) times.push(now() - t0);
    }
    times.sort((a, b) => a - b);
    const got = rows.map((r) => kuzuRow(Object.values(r).map(cell).join("|"))).sort();
    const sameAs = (list) => list.length === expected.length && list.every((x, i) => x === expected[i]);
    const same = sameAs(got);
    if (!same) ++wrong;
    let line = `${label.padEnd(46)} kuzu p50 ${times[times.length >> 1].toFixed(1).padStart(9)} ms ` +
               `(rows ${rows.length}; oracle ${expected.length}) ${same ? "answer ok" : "ANSWER DIFFERS"}`;
    if (geokg && store) {
      // geokg's answer through its CLI (the row order aside), checked the same way.
      const text = execFileSync(geokg, ["query", "--db", store, "--format", "csv", "--limit", "100000000", ours],
                                { encoding: "utf8", maxBuffer: 1 << 30 });
      const lines = text.split("\n").filter((l) => l).slice(1).map((l) => l.replace(/,/g, "|")).sort();
      line += `; geokg rows ${lines.length} ${sameAs(lines) ? "answer ok" : "ANSWER DIFFERS"}`;
      if (!sameAs(lines)) ++wrong;
    }
    console.log(line);
  }
  console.log(wrong ? `${wrong} answers differ from the BFS/count oracle` : "every answer agrees with the oracle");
})().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
