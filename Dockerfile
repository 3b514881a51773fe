# Odoo 18.0 (official image) with the OCA dependencies of the CS addons.
FROM odoo:18.0

USER root
COPY requirements.txt /tmp/cs-requirements.txt
# The image's Odoo is a Debian package that pip does not see, so the OCA addons
# are installed without their "odoo" requirement; xlsxwriter is already in the
# image. They land in dist-packages/odoo/addons, where Odoo finds them.
# odoo-test-helper (a test requirement, tests/requirements.txt) is there for the
# `tests` service: base_tier_validation's tests import it.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/cs-requirements.txt odoo-test-helper
COPY docker/start.sh docker/run-tests.sh /usr/local/bin/
RUN chmod 0755 /usr/local/bin/start.sh /usr/local/bin/run-tests.sh
USER odoo
