"""A broken environment gives one clear line and a non-zero exit; an installed runtime works offline."""
import os
import socket
import subprocess
import tempfile


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(script, env_extra, *args, timeout=300):
    env = dict(os.environ, **env_extra)
    return subprocess.run(["bash", os.path.join(ROOT, "tools", script)] + list(args), env=env, cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True, timeout=timeout)


def error_lines(result):
    return [line for line in result.stderr.splitlines() if line.startswith("ОШИБКА")]


def test_no_python37():
    result = run("setup.sh", {"PYTHON37": "/nonexistent/python3.7"})
    assert result.returncode != 0
    assert len(error_lines(result)) == 1, result.stderr
    assert "Python 3.7" in error_lines(result)[0] and "pyenv install 3.7.16" in error_lines(result)[0]


def test_port_taken():
    with socket.socket() as busy:
        busy.bind(("0.0.0.0", 0))
        busy.listen(1)
        port = busy.getsockname()[1]
        result = run("run.sh", {"UKKR_HTTP_PORT": str(port)})
    assert result.returncode != 0
    assert len(error_lines(result)) == 1, result.stderr
    assert "порт %d" % port in error_lines(result)[0]


def test_no_postgresql_binaries():
    result = run("pg.sh", {"PG_BIN": "/nonexistent/bin"}, "status")
    assert result.returncode != 0
    assert len(error_lines(result)) == 1, result.stderr
    assert "PostgreSQL" in error_lines(result)[0]


OFFLINE = {"PIP_CONFIG_FILE": os.devnull, "PIP_INDEX_URL": "http://127.0.0.1:9/simple", "PIP_RETRIES": "0",
           "PIP_TIMEOUT": "2", "PIP_FIND_LINKS": "", "PIP_EXTRA_INDEX_URL": "", "npm_config_registry": "http://127.0.0.1:9/",
           "http_proxy": "http://127.0.0.1:9", "https_proxy": "http://127.0.0.1:9"}


def test_installed_runtime_works_offline():
    result = run("setup.sh", OFFLINE)
    assert result.returncode == 0, result.stderr
    assert "pip" not in result.stdout, "an installed runtime must not call pip"


def test_first_install_without_network_fails_clearly():
    """A machine that never ran make: no venv and no .run/ folder yet. The setup creates the folders it writes
    and names the real cause (here the network), not a missing log file."""
    with tempfile.TemporaryDirectory() as tmp:
        run_dir = os.path.join(tmp, "fresh", ".run")
        result = run("setup.sh", dict(OFFLINE, UKKR_VENV=os.path.join(tmp, "venv"), UKKR_RUN_DIR=run_dir),
                     timeout=600)
        assert os.path.isfile(os.path.join(run_dir, "pip.log")), result.stderr
    assert result.returncode != 0
    assert "No such file or directory" not in result.stderr, result.stderr
    assert len(error_lines(result)) == 1, result.stderr
    assert "нет сети" in error_lines(result)[0]
