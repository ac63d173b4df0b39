"""Property-based requests against the service's own OpenAPI schema (schemathesis): no
request, whether the schema allows it or was made to break it, gets a 5xx answer, and every
answer (status, content type, headers, body) conforms to the schema. A schema-valid request
may still be refused: whether a string is an article is not a question a schema can ask,
so `positive_data_acceptance` is left out; and a page sent as a raw text/html or text/plain
body is any string at all, so a "schema-violating" one does not exist and
`negative_data_rejection` is left out too (tests/test_web_api.py checks that fields out of
range are refused with 422)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks

from retell.web import ServeConfig, create_app

CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_headers_conformance,
    checks.response_schema_conformance,
]

# The schema is loaded when the module is, so the store is a fresh file made then.
STORE = Path(tempfile.mkdtemp(prefix="retell-schema-")) / "store.sqlite"
CONFIG = ServeConfig(db=str(STORE), backends=("fake",), cache=False, rate_per_minute=0)
schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(CONFIG))


@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_gets_a_server_error_or_an_answer_off_the_schema(
    case: schemathesis.Case,
) -> None:
    case.call_and_validate(checks=CHECKS)
