#!/usr/bin/python3
"""Loads the repository's fixtures into the test servers (tests/db/servers.sh start):
the CDNOW order lines (resources/sample/cdnow_sample.txt) and the customer sample
(resources/sample/customers.csv), into PostgreSQL database `shop` and into ClickHouse database
`shop` as Distributed tables over MergeTree tables on the two shards of vs_cluster."""
import base64
import subprocess
import sys
import urllib.request
from pathlib import Path

import pandas as pd

root = Path(__file__).resolve().parents[2]
state = dict(l.split("=", 1) for l in Path(sys.argv[1]).read_text().split())


def lines_frame():
    df = pd.read_csv(root / "resources/sample/cdnow_sample.txt", sep=r"\s+", header=None, dtype=str)
    return pd.DataFrame({
        "customer": df[1],
        "order_date": pd.to_datetime(df[2], format="%Y%m%d").dt.strftime("%Y-%m-%d"),
        "quantity": df[3].astype(int),
        "amount": df[4].astype(float),
    })


def customers_frame():
    return pd.read_csv(root / "resources/sample/customers.csv", dtype={"customer_id": str})


def tsv(df):
    return df.to_csv(sep="\t", header=False, index=False, lineterminator="\n", float_format="%.17g")


def pg_type(s):
    if s.name == "order_date":
        return "date"
    if pd.api.types.is_integer_dtype(s):
        return "bigint"
    if pd.api.types.is_float_dtype(s):
        return "double precision"
    return "text"


def ch_type(s):
    if s.name == "order_date":
        return "Date"
    if pd.api.types.is_integer_dtype(s):
        return "Int64"
    if pd.api.types.is_float_dtype(s):
        return "Float64"
    return "String"


def psql(sql, db="shop", stdin=None):
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", state["VS_PG_SOCKET"], "-p", state["VS_PG_PORT"],
           "-U", "vs", "-d", db, "-c", sql]
    subprocess.run(cmd, input=stdin, text=True, check=True, capture_output=True)


def ch(port, sql, body=None):
    url = f"http://127.0.0.1:{port}/?insert_distributed_sync=1&query=" + urllib.parse.quote(sql)
    req = urllib.request.Request(url, data=(body or "").encode())  # POST: a GET is read-only
    req.add_header("Authorization", "Basic " + base64.b64encode(f"vs:{state['VS_TEST_PASSWORD']}".encode()).decode())
    with urllib.request.urlopen(req, timeout=120) as r:
        return r.read().decode()


def campaigns_frame():
    return pd.read_csv(root / "tests/data/reference/campaigns.csv", dtype={"campaign": str})


def returns_frame():  # tests/data/make_db_fixtures.py
    return pd.read_csv(root / "tests/data/db/returns_lines.csv", dtype={"customer": str, "invoice": str},
                       keep_default_na=False)


tables = {"cdnow_lines": (lines_frame(), "customer"), "customers": (customers_frame(), "customer_id"),
          "campaigns": (campaigns_frame(), "campaign"), "returns_lines": (returns_frame(), "customer")}

psql("CREATE DATABASE shop", db="postgres")
for name, (df, key) in tables.items():
    cols = ", ".join(f'"{c}" {pg_type(df[c])}' for c in df.columns)
    psql(f'CREATE TABLE "{name}" ({cols})')
    psql(f'COPY "{name}" FROM STDIN', stdin=tsv(df))
# a table whose name and columns try to break out of their quotes: read as data, never run
hostile_table = 'lines"; DROP TABLE cdnow_lines; --'
hostile = tables["cdnow_lines"][0].rename(columns={"customer": 'cust"omer', "amount": "amount`) --"})
cols = ", ".join('"' + c.replace('"', '""') + '" ' + pg_type(hostile[c]) for c in hostile.columns)
psql('CREATE TABLE "' + hostile_table.replace('"', '""') + f'" ({cols})')
psql('COPY "' + hostile_table.replace('"', '""') + '" FROM STDIN', stdin=tsv(hostile))

for port in (state["VS_CH_HTTP1"], state["VS_CH_HTTP2"]):
    ch(port, "CREATE DATABASE IF NOT EXISTS shop")
    for name, (df, key) in tables.items():
        cols = ", ".join(f"`{c}` {ch_type(df[c])}" for c in df.columns)
        ch(port, f"CREATE TABLE shop.{name}_local ({cols}) ENGINE = MergeTree() ORDER BY `{key}`")
        ch(port, f"CREATE TABLE shop.{name} AS shop.{name}_local "
                 f"ENGINE = Distributed(vs_cluster, shop, {name}_local, cityHash64(`{key}`))")
    esc = lambda s: s.replace("\\", "\\\\").replace("`", "\\`")
    cols = ", ".join("`" + esc(c) + "` " + ch_type(hostile[c]) for c in hostile.columns)
    ch(port, "CREATE TABLE shop.`" + esc(hostile_table) + f"` ({cols}) ENGINE = MergeTree() ORDER BY tuple()")
for name, (df, key) in tables.items():
    ch(state["VS_CH_HTTP1"], f"INSERT INTO shop.{name} FORMAT TabSeparated", tsv(df))
ch(state["VS_CH_HTTP1"], "INSERT INTO shop.`" + esc(hostile_table) + "` FORMAT TabSeparated", tsv(hostile))

# both shards hold a part of the lines: the push-down really runs distributed
for port in (state["VS_CH_HTTP1"], state["VS_CH_HTTP2"]):
    n = int(ch(port, "SELECT count() FROM shop.cdnow_lines_local"))
    assert 0 < n < len(tables["cdnow_lines"][0]), f"shard on {port} holds {n} lines"
assert int(ch(state["VS_CH_HTTP2"], "SELECT count() FROM shop.cdnow_lines")) == len(tables["cdnow_lines"][0])
print("load_fixtures: loaded", {k: len(v[0]) for k, v in tables.items()})
