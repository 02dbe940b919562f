"""One student's browser on the hub, for benchmarks/class_load.py: sign in, start the server,
click the nbgitpuller link, then the class plan (PLAN) through the Jupyter server's REST API
and kernel websocket, as JupyterLab does.

Example (from class_load.py):
    student = Student(hub, "ivload-01", threading.Event()); student.run_plan()
"""

from __future__ import annotations

import base64
import json
import threading
import time
import uuid
from pathlib import Path

import requests
import websocket

ROOT = Path(__file__).resolve().parent.parent
COURSE = "infoview"  # the folder the nbgitpuller link clones into
LINKEDIN = ROOT / "tests" / "fixtures" / "contacts" / "linkedin_current.csv"

# (step, notebook, code run after Run All; it prints 'IVOK <detail>' when the step worked)
PLAN = [
    ("load a persona", "00_start_here",
     "panel.persona.value = 'maya'\npanel.load()\nprint('IVOK', len(wb.contacts()))"),
    ("import LinkedIn, draw the map", "01_who_you_know",
     "import base64\nbefore = len(wb.contacts())\n"
     "panel.import_files([('Connections.csv', base64.b64decode('{linkedin}'))])\n"
     "map_panel.refresh()\nassert len(wb.contacts()) > before, panel.status\n"
     "print('IVOK', len(wb.contacts()))"),
    ("targets and their map", "02_what_you_want_to_know", "print('IVOK', len(wb.contacts()))"),
    ("compose an e-mail", "03_plan_outreach",
     "panel.parts['interest'].value = 'how you moved from design school into UX research'\n"
     "assert 'UX research' in panel.draft.value, panel.draft.value[:300]\nprint('IVOK', 1)"),
    ("questions and agenda", "04_be_the_host", "print('IVOK', 1)"),
    ("meeting and checklist", "05_be_a_professional", "print('IVOK', 1)"),
    ("follow-through", "06_always_be_courteous", "print('IVOK', 1)"),
    ("export the anonymised bundle", "07_export_and_share",
     "import os\nout = os.path.expanduser('~/{course}/exports/hand-in')\n"
     "panel.anonymize.value = True\npanel.folder.value = out\npanel.force.value = True\n"
     "panel.export()\nassert os.listdir(out), panel.status\nprint('IVOK', len(os.listdir(out)))"),
]
PEEK = ("import os\np = os.path.expanduser('~{other}/{course}/my-workbook/workbook.sqlite')\n"
        "try:\n    open(p, 'rb').read(16)\n    print('IVOK READABLE')\n"
        "except PermissionError:\n    print('IVOK DENIED')\n"
        "except FileNotFoundError:\n    print('IVOK MISSING')\n")  # the other never got that far


class Kernel:
    """One notebook's kernel, driven over the server's websocket like JupyterLab does."""

    def __init__(self, base: str, token: str, kernel_id: str):
        self.session = uuid.uuid4().hex
        url = base.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
        self.ws = websocket.create_connection(f"{url}?session_id={self.session}", timeout=600,
                                              header=[f"Authorization: token {token}"])

    def run(self, code: str) -> str:
        """Execute code; return its stdout; raise RuntimeError with the error if it failed."""
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "header": {"msg_id": msg_id, "session": self.session, "username": "student",
                       "msg_type": "execute_request", "version": "5.3"},
            "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
            "content": {"code": code, "silent": False, "store_history": True,
                        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True}}))
        out, error, replied, idle = [], None, False, False
        while not (replied and idle):
            frame = self.ws.recv()
            if isinstance(frame, bytes):  # widget messages with binary buffers (the map PNG)
                continue
            msg = json.loads(frame)
            kind, content = msg["header"]["msg_type"], msg["content"]
            if kind == "status" and content.get("execution_state") in ("restarting", "dead"):
                raise RuntimeError(f"the kernel is {content['execution_state']} (see the hub log)")
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if kind == "stream" and content.get("name") == "stdout":
                out.append(content["text"])
            elif kind == "error":
                error = f"{content['ename']}: {content['evalue']}"
            elif kind == "execute_reply":
                replied = True
            elif kind == "status" and content["execution_state"] == "idle":
                idle = True
        if error:
            raise RuntimeError(error)
        return "".join(out)

    def close(self) -> None:
        self.ws.close()


class Student:
    """One student's browser: sign in, start, pull the course, go through the plan."""

    def __init__(self, hub, name: str, stop: threading.Event):
        """hub: class_load.Hub (its url, admin token, course repository and api())."""
        self.hub, self.name, self.stop = hub, name, stop
        self.base = f"{hub.url}/user/{name}"
        self.times: dict[str, float] = {}
        self.failures: list[str] = []
        self.kernels: dict[str, Kernel] = {}
        self.cpu: dict[str, float] = {}  # CPU seconds of this student's processes per step
        self.cpu_probe = lambda: 0.0  # class_load sets it (it reads processes as root)

    def timed(self, step: str, action) -> None:
        if self.failures or self.stop.is_set():
            return
        start, cpu = time.monotonic(), self.cpu_probe()
        try:
            action()
        except Exception as err:  # a load test reports every failure, whatever its kind
            self.failures.append(f"{step}: {type(err).__name__}: {str(err)[:300]}")
            return
        self.times[step] = time.monotonic() - start
        self.cpu[step] = self.cpu_probe() - cpu

    def rest(self, method: str, path: str, **kw) -> requests.Response:
        kw.setdefault("timeout", 300)
        r = requests.request(method, f"{self.base}{path}",
                             headers={"Authorization": f"token {self.hub.token}"}, **kw)
        r.raise_for_status()
        return r

    def sign_in(self) -> None:
        web = requests.Session()
        web.get(f"{self.hub.url}/hub/login", timeout=60).raise_for_status()
        r = web.post(f"{self.hub.url}/hub/login", timeout=60, allow_redirects=False,
                     data={"username": self.name, "password": f"pw-{self.name}-long",
                           "_xsrf": web.cookies.get("_xsrf", "")})
        if r.status_code != 302 or "/hub/login" in r.headers.get("Location", ""):
            raise RuntimeError(f"sign-in refused (HTTP {r.status_code})")

    def start_server(self, timeout: float = 600) -> None:
        deadline = time.monotonic() + timeout
        r = self.hub.api("POST", f"/users/{self.name}/server")
        while r.status_code == 503 and time.monotonic() < deadline:  # too many starting at
            time.sleep(float(r.headers.get("Retry-After", 5)))  # once: wait, as a page would
            r = self.hub.api("POST", f"/users/{self.name}/server")
        if r.status_code not in (201, 202, 400):  # 400: already running
            raise RuntimeError(f"start refused: HTTP {r.status_code} {r.text[:200]}")
        while time.monotonic() < deadline:
            server = self.hub.api("GET", f"/users/{self.name}").json()["servers"].get("", {})
            if server.get("ready"):
                return
            time.sleep(1)
        raise TimeoutError(f"server not ready in {timeout} s")

    def pull_course(self) -> str:
        """What the nbgitpuller link runs: clone the course, or bring in its updates."""
        r = self.rest("GET", "/git-pull/api", stream=True,
                      params={"repo": self.hub.course.as_uri(), "branch": "main",
                              "targetpath": COURSE})
        log = []
        for line in r.iter_lines(decode_unicode=True):
            if line.startswith("data:"):
                event = json.loads(line[5:])
                log.append(event.get("output", ""))
                if event.get("phase") == "error":
                    raise RuntimeError(event.get("message", "nbgitpuller failed"))
                if event.get("phase") == "finished":
                    return "".join(log)
        raise RuntimeError("nbgitpuller stopped before it finished")

    def open_notebook(self, notebook: str, action: str) -> None:
        path = f"{COURSE}/notebooks/{notebook}.ipynb"
        session = self.rest("POST", "/api/sessions", json={
            "path": path, "name": f"{notebook}.ipynb", "type": "notebook",
            "kernel": {"name": "python3"}}).json()
        kernel = self.kernels[notebook] = Kernel(self.base, self.hub.token,
                                                 session["kernel"]["id"])
        cells = self.rest("GET", f"/api/contents/{path}").json()["content"]["cells"]
        for cell in cells:  # Run All
            if cell["cell_type"] == "code":
                kernel.run(cell["source"])
        if "IVOK" not in kernel.run(action):
            raise RuntimeError(f"{notebook}: the step's check printed nothing")

    def run_plan(self) -> None:
        linkedin = base64.b64encode(LINKEDIN.read_bytes()).decode()
        self.timed("sign in", self.sign_in)
        self.timed("start server", self.start_server)
        self.timed("nbgitpuller link", self.pull_course)
        for step, notebook, code in PLAN:
            code = code.replace("{linkedin}", linkedin).replace("{course}", COURSE)
            self.timed(f"{notebook[:2]} {step}", lambda n=notebook, c=code: self.open_notebook(n, c))

    def peek_at(self, other: str) -> str:
        """Try to read another student's workbook from this student's kernel."""
        code = PEEK.format(other=other, course=COURSE)
        return self.kernels["00_start_here"].run(code).split("IVOK", 1)[1].strip()

    def close(self) -> None:
        for kernel in self.kernels.values():
            kernel.close()
