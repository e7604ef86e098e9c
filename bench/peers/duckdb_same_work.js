// DuckDB doing what `valuescope run` does (bench/compare-peers.sh): node duckdb_same_work.js JOB IN OUT THREADS
//   JOB lines:     order lines -> per customer BTYD frequency, recency, T, mean repeat spend; RFM quintiles
//   JOB customers: profit value, weighted score, value quartiles, strategy
const { DuckDBInstance } = require('@duckdb/node-api');
const [job, input, output, threads] = process.argv.slice(2);
const END = "DATE '2021-12-31'";
// scores as pandas.qcut(x, 5, duplicates="drop") cuts them: bins right-closed over the unique edges
const score = (x, e, reversed) =>
  `(${reversed ? '5 - ' : '1 + '}len(list_filter(list_distinct(${e}[2:5]), q -> q < ${x})))`;
const sql = {
  lines: `
    CREATE TEMP TABLE cust AS
    WITH days AS (SELECT customer, date AS day, sum(amount) AS net FROM read_csv('${input}', header = true,
                    columns = {'customer': 'VARCHAR', 'date': 'DATE', 'amount': 'DOUBLE'}) GROUP BY ALL)
    SELECT customer, count(*) AS orders, sum(net) AS spend, min(day) AS first, max(day) AS last,
           arg_min(net, day) AS first_net
    FROM days WHERE day <= ${END} GROUP BY customer;
    CREATE TEMP TABLE edges AS SELECT
      [min(${END} - last)] || quantile_cont(${END} - last, [0.2, 0.4, 0.6, 0.8]) AS r,
      [min(orders)] || quantile_cont(orders, [0.2, 0.4, 0.6, 0.8]) AS f,
      [min(spend)] || quantile_cont(spend, [0.2, 0.4, 0.6, 0.8]) AS m FROM cust;
    COPY (SELECT customer, orders - 1 AS frequency, last - first AS recency, ${END} - first AS T,
                 CASE WHEN orders > 1 THEN (spend - first_net) / (orders - 1) ELSE 0 END AS monetary,
                 ${END} - last AS since_last, orders, spend,
                 ${score(`${END} - last`, 'r', true)} AS r_score, ${score('orders', 'f', false)} AS f_score,
                 ${score('spend', 'm', false)} AS m_score
          FROM cust, edges) TO '${output}' (HEADER);`,
  customers: `
    CREATE TEMP TABLE d AS SELECT * FROM read_csv('${input}', header = true);
    CREATE TEMP TABLE v AS SELECT customer_id, revenue - cost AS value,
        (0.5 * q_product + 0.3 * q_service + 0.2 * q_delivery) / 3 AS satisfaction
      FROM (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY rowid) AS k FROM d) WHERE k = 1;
    CREATE TEMP TABLE e AS SELECT quantile_cont(value, [0.25, 0.5, 0.75]) AS q FROM v;
    COPY (SELECT customer_id AS customer, value,
                 ['Low', 'Medium', 'High', 'Very High'][1 + len(list_filter(q, x -> x < value))] AS segment,
                 ['Develop', 'Retain', 'Maintain', 'Maintain'][1 + len(list_filter(q, x -> x < value))] AS strategy,
                 satisfaction FROM v, e) TO '${output}' (HEADER);`,
};
(async () => {
  const options = threads ? { threads: String(threads) } : {};
  const db = await DuckDBInstance.create(':memory:', options);
  const con = await db.connect();
  await con.run(sql[job]);
})().catch((e) => { console.error(e); process.exit(1); });
