"""JupyterHub for an infoview class on one server (a local spawner; see docs/instructors.md).

Start it as root on the server, from the environment that has infoview installed:

    INFOVIEW_HUB_ADMINS=teacher jupyterhub -f docs/hub/jupyterhub_config.py

What it sets up:
- Students sign in with a name of their choice and set their password on first use
  (FirstUseAuthenticator). To let in only your class, put their names, one a line, in a
  file and set INFOVIEW_HUB_STUDENTS=/path/to/names.txt.
- Each student gets a system account and a home folder only they can read (mode 0700),
  created on their first start. Their workbook lives in ~/infoview/my-workbook/.
- The nbgitpuller link clones the course into ~/infoview and brings in your updates.
- Kernels idle for 20 minutes are stopped inside each student's server (their work is saved
  already; re-running the notebook brings the panel back), and jupyterhub-idle-culler
  stops a whole server after an hour without activity.
- Memory and CPU limits per student: enforced when jupyterhub-systemdspawner is installed
  and the machine runs systemd (as on The Littlest JupyterHub); with the plain local
  spawner the limit is only passed on (MEM_LIMIT) and not enforced.

Settings from the environment (all optional): INFOVIEW_HUB_IP (default all addresses),
INFOVIEW_HUB_PORT (8000), INFOVIEW_HUB_STATE (/srv/infoview-hub: the hub's database, cookie
secret and passwords), INFOVIEW_HUB_ADMINS (comma-separated), INFOVIEW_HUB_STUDENTS,
INFOVIEW_HUB_MEM_LIMIT (1.5G), INFOVIEW_HUB_CPU_LIMIT (1), INFOVIEW_HUB_CULL_SERVER (3600 s),
INFOVIEW_HUB_CULL_KERNEL (1200 s).
"""

import grp
import importlib.util
import os
import pwd
import shutil
import subprocess
import sys
from pathlib import Path

c = get_config()  # noqa: F821 (JupyterHub provides get_config in its config files)

env = os.environ.get
STATE = Path(env("INFOVIEW_HUB_STATE", "/srv/infoview-hub"))
STATE.mkdir(parents=True, exist_ok=True)
STATE.chmod(0o700)  # the database, cookie secret and passwords: root only
BIN = Path(sys.prefix) / "bin"

# -- where the hub listens -------------------------------------------------------------------
c.JupyterHub.bind_url = f"http://{env('INFOVIEW_HUB_IP', '')}:{env('INFOVIEW_HUB_PORT', '8000')}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
if (BIN / "configurable-http-proxy").exists():  # the PyPI proxy beside jupyterhub
    c.ConfigurableHTTPProxy.command = [str(BIN / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")

# -- who can sign in -------------------------------------------------------------------------
c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
c.FirstUseAuthenticator.dbm_path = str(STATE / "passwords.dbm")
c.FirstUseAuthenticator.create_users = True
c.FirstUseAuthenticator.min_password_length = 8
# a name becomes a system account: lower-case letters, digits and '-', starting with a letter
c.Authenticator.username_pattern = r"^[a-z][a-z0-9-]{1,30}$"
c.Authenticator.blocked_users = {"root", "admin", "daemon", "bin", "sys", "nobody", "sshd"}
c.Authenticator.admin_users = {n.strip() for n in env("INFOVIEW_HUB_ADMINS", "").split(",")
                               if n.strip()}
if env("INFOVIEW_HUB_STUDENTS"):
    names = Path(env("INFOVIEW_HUB_STUDENTS")).read_text(encoding="utf-8").split()
    c.Authenticator.allowed_users = {n.strip().lower() for n in names}
else:
    c.Authenticator.allow_all = True  # anyone who reaches the hub: a workshop on a closed network

# -- each student's server -------------------------------------------------------------------
MEM_LIMIT = env("INFOVIEW_HUB_MEM_LIMIT", "1.5G")
CPU_LIMIT = float(env("INFOVIEW_HUB_CPU_LIMIT", "1"))
systemd = Path("/run/systemd/system").is_dir() and shutil.which("systemctl")
try:
    import systemdspawner  # noqa: F401
except ImportError:
    systemd = False
if systemd:
    c.JupyterHub.spawner_class = "systemdspawner.SystemdSpawner"
    c.SystemdSpawner.dynamic_users = False
    c.SystemdSpawner.isolate_tmp = True
    c.SystemdSpawner.isolate_devices = True
    c.SystemdSpawner.disable_user_sudo = True
    c.SystemdSpawner.user_workingdir = "/home/{USERNAME}"
else:
    c.JupyterHub.spawner_class = "jupyterhub.spawner.LocalProcessSpawner"
c.Spawner.mem_limit = MEM_LIMIT
c.Spawner.cpu_limit = CPU_LIMIT
c.Spawner.notebook_dir = "~"
c.Spawner.default_url = "/lab"
if (BIN / "jupyterhub-singleuser").exists():
    c.Spawner.cmd = [str(BIN / "jupyterhub-singleuser")]
c.Spawner.environment = {
    # the workbook in the student's own clone of the course, whatever the install
    "INFOVIEW_WORKBOOK": "~/infoview/my-workbook/workbook.sqlite",
    "MEM_LIMIT": MEM_LIMIT,
}
KERNEL_IDLE = int(env("INFOVIEW_HUB_CULL_KERNEL", "1200"))
c.Spawner.args = [
    f"--MappingKernelManager.cull_idle_timeout={KERNEL_IDLE}",
    "--MappingKernelManager.cull_interval=120",
    "--MappingKernelManager.cull_connected=True",  # an open tab does not keep a kernel
    # kernels talk over files in the student's runtime folder, not TCP ports: with hundreds of
    # kernels starting at once on one machine, two can pick the same free port and one dies
    "--KernelManager.transport=ipc",
]
if importlib.util.find_spec("infoview_lib.notebook_clean"):
    # notebooks saved as committed: no stale widget state, course updates always merge
    c.Spawner.args.append(
        "--ContentsManager.pre_save_hook=infoview_lib.notebook_clean.pre_save_hook")
# a whole class presses "start" in the same minute: give a loaded server time
c.Spawner.start_timeout = 180
c.Spawner.http_timeout = 120
c.JupyterHub.concurrent_spawn_limit = 20


def ensure_student_account(spawner) -> None:
    """Create the student's system account and a private home on their first start."""
    name = spawner.user.name
    try:
        found = pwd.getpwnam(name)
    except KeyError:
        subprocess.run(["useradd", "--create-home", "--user-group", "--shell", "/bin/bash",
                        "--comment", "infoview student", name], check=True)
        found = pwd.getpwnam(name)
    if found.pw_uid < 1000:
        raise ValueError(f"{name} is a system account, not a student: pick another name.")
    home = Path(found.pw_dir)
    home.mkdir(mode=0o700, exist_ok=True)
    os.chown(home, found.pw_uid, grp.getgrgid(found.pw_gid).gr_gid)
    home.chmod(0o700)  # no student can read another's workbook


c.Spawner.pre_spawn_hook = ensure_student_account

# -- stop idle servers -----------------------------------------------------------------------
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={int(env('INFOVIEW_HUB_CULL_SERVER', '3600'))}", "--cull-every=300"],
}]
c.JupyterHub.load_roles = [{
    "name": "idle-culler",
    "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
    "services": ["idle-culler"],
}]
