// Polars doing what `valuescope run` does (bench/compare-peers.sh): node polars_same_work.js JOB IN OUT
// (threads: POLARS_MAX_THREADS). Quantiles with "linear" interpolation, as pandas.
const pl = require('nodejs-polars');
const [job, input, output] = process.argv.slice(2);
const END = Date.UTC(2021, 11, 31) / 86400000;
const cuts = (s, n) => { // pandas.qcut edges (linear), the unique interior ones
  const q = [];
  for (let k = 1; k < n; ++k) q.push(s.quantile(k / n, 'linear'));
  return [...new Set(q)];
};
const bin = (col, edges) => edges.reduce((e, q) => e.add(pl.col(col).gt(q).cast(pl.Int32)), pl.lit(0));
if (job === 'lines') {
  const lines = pl.readCSV(input, { dtypes: { customer: pl.Utf8, date: pl.Utf8, amount: pl.Float64 } })
    .withColumn(pl.col('date').str.strptime(pl.Date, '%Y-%m-%d').cast(pl.Int32).alias('day'));
  const days = lines.groupBy(['customer', 'day']).agg(pl.col('amount').sum().alias('net'))
    .filter(pl.col('day').ltEq(END)).sort('day');
  let cust = days.groupBy('customer').agg(
    pl.count('day').alias('orders'), pl.col('net').sum().alias('spend'),
    pl.col('day').min().alias('first'), pl.col('day').max().alias('last'), pl.col('net').first().alias('first_net'));
  cust = cust.withColumns(pl.lit(END).sub(pl.col('last')).alias('since_last'));
  const r = cuts(cust.getColumn('since_last'), 5), f = cuts(cust.getColumn('orders'), 5), m = cuts(cust.getColumn('spend'), 5);
  cust.select(
    pl.col('customer'), pl.col('orders').sub(1).alias('frequency'), pl.col('last').sub(pl.col('first')).alias('recency'),
    pl.lit(END).sub(pl.col('first')).alias('T'),
    pl.when(pl.col('orders').gt(1)).then(pl.col('spend').sub(pl.col('first_net')).div(pl.col('orders').sub(1)))
      .otherwise(pl.lit(0)).alias('monetary'),
    pl.col('since_last'), pl.col('orders'), pl.col('spend'),
    pl.lit(5).sub(bin('since_last', r)).alias('r_score'), bin('orders', f).add(1).alias('f_score'),
    bin('spend', m).add(1).alias('m_score'),
  ).writeCSV(output);
} else {
  const d = pl.readCSV(input).unique({ subset: ['customer_id'], keep: 'first', maintainOrder: true });
  const v = d.select(pl.col('customer_id').alias('customer'), pl.col('revenue').sub(pl.col('cost')).alias('value'),
    pl.col('q_product').mul(0.5).add(pl.col('q_service').mul(0.3)).add(pl.col('q_delivery').mul(0.2)).div(3).alias('satisfaction'));
  const q = cuts(v.getColumn('value'), 4);
  const labels = ['Low', 'Medium', 'High', 'Very High'], strategies = ['Develop', 'Retain', 'Maintain', 'Maintain'];
  const k = bin('value', q);
  const pick = (names) => names.slice(1).reduce((e, s, i) => e.when(k.eq(i + 1)).then(pl.lit(s)), pl.when(k.eq(0)).then(pl.lit(names[0]))).otherwise(pl.lit(null));
  v.select(pl.col('customer'), pl.col('value'), pick(labels).alias('segment'), pick(strategies).alias('strategy'),
    pl.col('satisfaction')).writeCSV(output);
}
