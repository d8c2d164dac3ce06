#!/bin/sh
# Rewrites the expectations of AnsibleConformanceTest from ansible-inventory itself (Debian: apt-get install
# ansible-core): for each inventory here, what `ansible-inventory -i FILE --list` prints (every host's vars as
# Ansible resolves them) and what `--list --export` prints (group vars kept in their groups).
# Run from anywhere; commit the .json files it writes. `mvn -Dunderlay.ansible=true -Dtest=AnsibleConformanceTest
# test` instead compares the committed files with what the installed ansible-inventory prints now.
set -eu
cd "$(dirname "$0")"
command -v ansible-inventory >/dev/null || { echo "ansible-inventory is not installed (apt-get install ansible-core)" >&2; exit 1; }
ansible-inventory --version | head -1
for f in *.ini *.yml; do
    ANSIBLE_INVENTORY_ENABLED=ini,yaml ansible-inventory -i "$f" --list > "$f.list.json"
    ANSIBLE_INVENTORY_ENABLED=ini,yaml ansible-inventory -i "$f" --list --export > "$f.export.json"
    echo "wrote $f.list.json $f.export.json"
done
