"""pip-audit over every package installed in the project's venv (the pinned requirements and what
they pull in). Fails on any known vulnerability. Where PyPI's vulnerability data cannot be reached
at all (no package could be looked up), it says so loudly and does not claim a clean result."""

import json
import subprocess
import sys

try:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip_audit",
            "--progress-spinner",
            "off",
            "--skip-editable",
            "--timeout",
            "10",
            "-f",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
except subprocess.TimeoutExpired:
    print("pip-audit: NOT AUDITED - no answer from PyPI's vulnerability data within ten minutes.")
    sys.exit(0)
try:
    report = json.loads(result.stdout)
except json.JSONDecodeError:
    print(result.stdout, result.stderr, sep="\n")
    sys.exit("pip-audit gave no report")

dependencies = report["dependencies"]
vulnerable = [d for d in dependencies if d.get("vulns")]
audited = [d for d in dependencies if "skip_reason" not in d]
for dependency in vulnerable:
    for vuln in dependency["vulns"]:
        fixed = ", ".join(vuln.get("fix_versions", [])) or "no fix yet"
        print(f"VULNERABLE {dependency['name']} {dependency['version']}: {vuln['id']} (fixed in {fixed})")
if vulnerable:
    sys.exit(f"{len(vulnerable)} installed packages have known vulnerabilities")
if not audited:
    print(
        f"pip-audit: NOT AUDITED - PyPI's vulnerability data could not be reached for any of the "
        f"{len(dependencies)} installed packages ({dependencies[0]['skip_reason'] if dependencies else 'none'})."
    )
    sys.exit(0)
skipped = [d["name"] for d in dependencies if "skip_reason" in d]
if skipped:
    sys.exit(f"pip-audit could not look up {len(skipped)} packages: {', '.join(skipped)}")
print(f"pip-audit: {len(audited)} installed packages, no known vulnerability")
