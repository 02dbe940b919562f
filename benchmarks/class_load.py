"""Load test: a class on a real JupyterHub on this machine, every student at once.

Starts JupyterHub on 127.0.0.1 with docs/hub/jupyterhub_config.py (first-use sign-in, local
spawner, a system account with a private home per student, kernel culling, idle culler),
publishes this tree's tracked files as the course (a bare git repository), then each
student, in their own thread and all at the same time, does what a browser does:
signs in, starts their server, clicks the nbgitpuller link, and goes through the class plan
(PLAN): for each step notebook, a kernel is started (REST), every cell runs (Run All, over
the kernel websocket) and the step's action runs in that kernel through its panel: load a
persona, import a LinkedIn file and redraw the map, compose an e-mail, export the anonymised
bundle. Kernels stay open, as in JupyterLab when nobody shuts them down.

Reports per step the median and worst time, failures, per-student memory (the server and
its kernels: RSS and USS), CPU seconds per student, the lowest free memory seen, and whether
each student could read another's workbook (they must not). Rounds grow (--students 2 5 10)
and stop at the first round with failures or when free memory falls under --reserve-mb:
that is where the machine runs out. Must run as root (it creates and removes the accounts
ivload-01...). Only loopback addresses are used.

Run:  .venv/bin/python benchmarks/class_load.py [--students 2 5 10] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import pwd
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil
import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hub_student import COURSE, PLAN, Student  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "docs" / "hub" / "jupyterhub_config.py"
BIN = Path(sys.prefix) / "bin"
PREFIX = "ivload-"
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "user.name=Instructor",
                           "-c", "user.email=instructor@example.org", *args], cwd=cwd,
                          check=True, capture_output=True, text=True).stdout


def publish_course(folder: Path) -> Path:
    """This tree's tracked files as a bare repository students can clone (the instructor's)."""
    work = folder / "instructor"
    for name in filter(None, git(ROOT, "ls-files", "-z").split("\0")):
        if (ROOT / name).is_file():
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, work / name)
    git(work, "init", "-q")
    git(work, "add", "-A")
    git(work, "commit", "-qm", "Course, week 1")
    bare = folder / f"{COURSE}.git"
    git(folder, "clone", "-q", "--bare", str(work), str(bare))
    subprocess.run(["chmod", "-R", "a+rX", str(bare)], check=True)
    return bare


def readable_by_all(path: Path) -> bool:
    """True when an unprivileged account can run this file (every folder above is o+x)."""
    path = path.resolve()
    return all(p.stat().st_mode & 0o001 for p in [path, *path.parents])


class NotReadable(RuntimeError):
    """Students' accounts cannot read this environment or checkout (it sits under /root)."""


def student_python(folder: Path) -> Path:
    """A Python the students' accounts can run with this environment's packages.

    The hub's own Python may sit where only root can reach it (as on this machine: a Python
    under /root). Then a venv from the system's Python of the same version is made, which
    reads this environment's site-packages. A real hub installs into /opt or /usr instead.
    """
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    site = Path(sys.prefix) / "lib" / version / "site-packages"
    for needed in (site, ROOT / "infoview_lib"):
        if not readable_by_all(needed):
            raise NotReadable(f"Students' accounts cannot read {needed}: put the checkout and "
                              "its environment where every account can read them.")
    if readable_by_all(Path(sys.executable)):
        return Path(sys.executable)
    system = Path("/usr/bin") / version
    if not system.exists() or not readable_by_all(system):
        raise NotReadable(f"Students cannot run {sys.executable}; install {system} "
                          "or put the environment where every account can read it.")
    venv = folder / "student-venv"
    subprocess.run([str(system), "-m", "venv", "--without-pip", str(venv)], check=True)
    (venv / "lib" / version / "site-packages" / "hub-env.pth").write_text(
        f"import site; site.addsitedir({str(site)!r})\n", encoding="utf-8")
    return venv / "bin" / "python"


class Hub:
    """A JupyterHub process on loopback, configured from docs/hub/jupyterhub_config.py."""

    def __init__(self, folder: Path, course: Path):
        self.folder, self.course = folder, course
        self.port, self.token = free_port(), secrets.token_hex(16)
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = folder / "hub.log"
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> None:
        config = self.folder / "load_config.py"
        python = student_python(self.folder)
        gitconfig = self.folder / "gitconfig"  # the course repository here is owned by root
        gitconfig.write_text(f"[safe]\n\tdirectory = {self.course}\n", encoding="utf-8")
        gitconfig.chmod(0o644)
        spawner_env = {"PATH": f"{python.parent}:/usr/local/bin:/usr/bin:/bin",
                       "JUPYTER_CONFIG_PATH": f"{sys.prefix}/etc/jupyter",
                       "JUPYTER_PATH": f"{sys.prefix}/share/jupyter",
                       "GIT_CONFIG_GLOBAL": str(gitconfig)}  # on a real hub: an https URL
        config.write_text(
            f"load_subconfig({str(CONFIG)!r})\n"
            f"c.JupyterHub.hub_port = {free_port()}\n"
            f"c.ConfigurableHTTPProxy.api_url = 'http://127.0.0.1:{free_port()}'\n"
            "c.JupyterHub.services.append({'name': 'class-load', 'api_token': "
            f"{self.token!r}}})\n"
            "c.JupyterHub.load_roles.append({'name': 'class-load', 'services': ['class-load'],"
            " 'scopes': ['admin:users', 'admin:servers', 'access:servers', 'list:users']})\n"
            f"c.Spawner.cmd = [{str(python)!r}, '-m', 'jupyterhub.singleuser']\n"
            f"c.Spawner.environment.update({spawner_env!r})\n"
            "c.JupyterHub.concurrent_spawn_limit = 200\n", encoding="utf-8")
        env = {**os.environ, "INFOVIEW_HUB_STATE": str(self.folder / "state"),
               "INFOVIEW_HUB_IP": "127.0.0.1", "INFOVIEW_HUB_PORT": str(self.port),
               "PATH": f"{BIN}:{os.environ.get('PATH', '')}"}
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen([str(BIN / "jupyterhub"), "-f", str(config)],
                                         cwd=self.folder, env=env, stdout=log, stderr=log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterHub stopped: see {self.log}")
            try:
                if requests.get(f"{self.url}/hub/api/", timeout=5).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"JupyterHub did not answer in {timeout} s: see {self.log}")

    def api(self, method: str, path: str, **kw) -> requests.Response:
        kw.setdefault("timeout", 60)
        return requests.request(method, f"{self.url}/hub/api{path}",
                                headers={"Authorization": f"token {self.token}"}, **kw)

    def cpu_seconds(self) -> float:
        """CPU time of the hub, its proxy and its idle culler (not the students' servers)."""
        proc = psutil.Process(self.proc.pid)
        mine = [p for p in [proc, *proc.children(recursive=True)] if p.uids().real == 0]
        return sum(c.user + c.system for c in (p.cpu_times() for p in mine))

    def log_tail(self, lines: int = 40) -> str:
        text = self.log.read_text(encoding="utf-8", errors="replace") if self.log.exists() else ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(60)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)


def own_processes(name: str) -> list[psutil.Process]:
    """The processes running as this student's account (none if it does not exist yet)."""
    try:
        uid = pwd.getpwnam(name).pw_uid
    except KeyError:
        return []
    return [p for p in psutil.process_iter(["uids"])
            if p.info["uids"] is not None and p.info["uids"].real == uid]


def cpu_seconds(name: str) -> float:
    """CPU time (user + system) the student's running processes have used so far."""
    total = 0.0
    for p in own_processes(name):
        try:
            cpu = p.cpu_times()
        except psutil.Error:
            continue
        total += cpu.user + cpu.system
    return total


def processes_of(name: str) -> dict[str, float]:
    """Memory (MB) and CPU seconds of one student's server and kernels, measured as root."""
    got = {"server_rss_mb": 0.0, "server_uss_mb": 0.0, "kernels_rss_mb": 0.0,
           "kernels_uss_mb": 0.0, "kernels": 0, "cpu_s": 0.0}
    for p in own_processes(name):
        try:
            kind = "kernels" if "ipykernel_launcher" in " ".join(p.cmdline()) else "server"
            mem, cpu = p.memory_full_info(), p.cpu_times()
        except psutil.Error:
            continue
        got[f"{kind}_rss_mb"] += mem.rss / MB
        got[f"{kind}_uss_mb"] += mem.uss / MB
        got["cpu_s"] += cpu.user + cpu.system
        got["kernels"] += kind == "kernels"
    return {k: round(v, 1) for k, v in got.items()}


class Monitor(threading.Thread):
    """Samples free memory and CPU use; sets stop when free memory falls under the reserve."""

    def __init__(self, stop: threading.Event, reserve_mb: int):
        super().__init__(daemon=True)
        self.stop_students, self.reserve_mb, self.done = stop, reserve_mb, threading.Event()
        self.min_free_mb, self.cpu = psutil.virtual_memory().available / MB, []

    def run(self) -> None:
        psutil.cpu_percent()
        while not self.done.wait(1.0):
            free = psutil.virtual_memory().available / MB
            self.min_free_mb = min(self.min_free_mb, free)
            self.cpu.append(psutil.cpu_percent())
            if free < self.reserve_mb:
                self.stop_students.set()


def remove_account(name: str) -> None:
    """Stop whatever the account still runs (only its own processes), then delete it."""
    for p in own_processes(name):
        try:
            p.kill()
        except psutil.Error:
            pass
    subprocess.run(["userdel", "--remove", name], capture_output=True)


def summarize(students: list[Student], monitor: Monitor, peeks: dict, memory: dict) -> dict:
    steps = {}
    for step in dict.fromkeys(s for st in students for s in st.times):
        got = [st.times[step] for st in students if step in st.times]
        cpu = [st.cpu[step] for st in students if step in st.cpu]
        steps[step] = {"median_s": round(statistics.median(got), 2),
                       "worst_s": round(max(got), 2), "done": len(got),
                       "cpu_s": round(statistics.median(cpu), 2)}
    per = list(memory.values())
    total = [m["server_uss_mb"] + m["kernels_uss_mb"] for m in per]
    return {
        "students": len(students), "steps": steps,
        "failures": {st.name: st.failures for st in students if st.failures},
        "finished": sum(not st.failures and len(st.times) == 3 + len(PLAN) for st in students),
        "memory": memory, "peeks": peeks,
        "per_student_uss_mb": round(statistics.median(total), 1) if total else None,
        "per_kernel_rss_mb": round(statistics.median(
            [m["kernels_rss_mb"] / max(m["kernels"], 1) for m in per]), 1) if per else None,
        "cpu_s_per_student": round(statistics.median([m["cpu_s"] for m in per]), 1)
        if per else None,
        "min_free_mb": round(monitor.min_free_mb), "mean_cpu_percent":
        round(statistics.mean(monitor.cpu), 1) if monitor.cpu else None,
        "ran_out": monitor.stop_students.is_set(),
    }


def run_round(hub: Hub, n: int, reserve_mb: int, keep: bool = False) -> tuple[dict, list]:
    """n students at once; returns the summary (and the students, still running, if keep)."""
    stop = threading.Event()
    students = [Student(hub, f"{PREFIX}{i + 1:02d}", stop) for i in range(n)]
    for st in students:
        st.cpu_probe = lambda name=st.name: cpu_seconds(name)
    hub_cpu = hub.cpu_seconds()
    monitor = Monitor(stop, reserve_mb)
    monitor.start()
    threads = [threading.Thread(target=st.run_plan, daemon=True) for st in students]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    monitor.done.set()
    memory = {st.name: processes_of(st.name) for st in students if not st.failures}
    peeks = {}
    for i, st in enumerate(students):
        other = students[(i + 1) % n]
        if "00_start_here" in st.kernels and n > 1 and not other.failures:
            peeks[f"{st.name} -> {other.name}"] = st.peek_at(other.name)
    result = summarize(students, monitor, peeks, memory)
    result["hub_cpu_s_per_student"] = round((hub.cpu_seconds() - hub_cpu) / n, 2)
    if not keep:
        end_round(hub, students)
    return result, students


def end_round(hub: Hub, students: list[Student]) -> None:
    for st in students:
        st.close()
        hub.api("DELETE", f"/users/{st.name}/server", timeout=120)
        hub.api("DELETE", f"/users/{st.name}", timeout=120)
        remove_account(st.name)


def report(result: dict) -> None:
    print(f"\n{result['students']} students: {result['finished']} finished the plan; "
          f"lowest free memory {result['min_free_mb']} MB; mean CPU {result['mean_cpu_percent']}%")
    for step, t in result["steps"].items():
        print(f"  {step:32} median {t['median_s']:6.2f} s  worst {t['worst_s']:6.2f} s  "
              f"CPU {t['cpu_s']:5.2f} s  ({t['done']} done)")
    print(f"  per student (server + kernels, USS): {result['per_student_uss_mb']} MB; "
          f"per kernel RSS {result['per_kernel_rss_mb']} MB; CPU {result['cpu_s_per_student']} s "
          f"(+ hub {result['hub_cpu_s_per_student']} s)")
    for pair, seen in result["peeks"].items():
        print(f"  {pair}: {seen}")
    for name, failures in result["failures"].items():
        print(f"  FAILED {name}: {'; '.join(failures)}")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, nargs="+", default=[2, 5, 10])
    parser.add_argument("--reserve-mb", type=int, default=2048,
                        help="stop a round when free memory falls under this (default 2048)")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args(argv)
    if os.geteuid() != 0:
        print("Run as root: the test creates a system account per student.", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="ivhub-"))
    folder.chmod(0o755)  # students clone the course from here; the hub state stays 0700
    results = []
    hub = Hub(folder, publish_course(folder))
    try:
        hub.start()
        for n in args.students:
            result, _ = run_round(hub, n, args.reserve_mb)
            report(result)
            results.append(result)
            if result["failures"] or result["ran_out"]:
                print(f"Stopped at {n} students: " + ("free memory under the reserve"
                      if result["ran_out"] else "failures"))
                break
    finally:
        hub.stop()
        if not results or results[-1]["failures"]:
            print("Hub log, last lines:\n" + hub.log_tail())
        for name in [p.pw_name for p in pwd.getpwall() if p.pw_name.startswith(PREFIX)]:
            remove_account(name)
        shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0 if results and not results[-1]["failures"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
