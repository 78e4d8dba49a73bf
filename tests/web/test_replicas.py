"""Read replicas (web/replicas.py): which database each kind of request reads.

The replica is a second database: on SQLite and PostgreSQL runs, one the test settings add
(migrated, empty of content) while content is created on the primary only, so a page read
from the replica is visibly not the primary's; with DATABASE_REPLICA_URLS set (a cluster),
the real hot standby, which cannot see the primary's uncommitted test data either. Every
query is recorded with the alias of the connection that ran it.
"""

import math
from contextlib import ExitStack, contextmanager

import pytest
from django.conf import settings
from django.db import OperationalError, connections, router
from django.urls import reverse
from django.utils import translation

from documents.models import Citation
from partners.models import Partner
from tests.factories import CitationFactory, DocumentVersionFactory, RelationshipFactory
from web import replicas

REPLICA = (settings.DATABASE_REPLICAS or ["replica_1"])[0]
QUOTE = "la Serbie a adhéré au Partenariat pour la paix"

pytestmark = pytest.mark.django_db(databases=["default", REPLICA])


@pytest.fixture(autouse=True)
def routing(settings):
    """Reads routed to the replica, whose state each test starts without."""
    settings.DATABASE_REPLICAS = [REPLICA]
    replicas.forget_states()
    yield
    replicas.forget_states()


@pytest.fixture
def relationship(db):
    """A public relationship, on the primary only."""
    relationship = RelationshipFactory()
    CitationFactory(claim=relationship, version=DocumentVersionFactory(), quote=QUOTE)
    return relationship


def page_of(relationship):
    with translation.override("en"):
        return reverse("partners:relationship_detail", args=[relationship.slug])


@contextmanager
def recorded_queries():
    """Every query run while the block runs, as (alias, sql)."""
    queries = []

    def recorder(alias):
        def record(execute, sql, params, many, context):
            queries.append((alias, sql))
            return execute(sql, params, many, context)

        return record

    with ExitStack() as stack:
        for alias in ("default", REPLICA):
            stack.enter_context(connections[alias].execute_wrapper(recorder(alias)))
        yield queries


def databases_used(queries):
    return {alias for alias, _sql in queries}


def probes(queries):
    """The health checks among the queries the replica ran."""
    checks = {"SELECT 1", replicas.POSTGRESQL_LAG_QUERY}
    return [sql for alias, sql in queries if alias == REPLICA and sql in checks]


@contextmanager
def replica_failing(times=math.inf):
    """The replica's queries fail as a server that went away makes them fail."""
    failures = {"left": times}

    def fail(execute, sql, params, many, context):
        if failures["left"] > 0:
            failures["left"] -= 1
            raise OperationalError("server closed the connection unexpectedly")
        return execute(sql, params, many, context)

    with connections[REPLICA].execute_wrapper(fail):
        yield


def lagging(seconds):
    def probe(alias):
        return replicas.ReplicaState(alias, lag=seconds)

    return probe


# Which database each kind of request reads -----------------------------------------------


def test_an_anonymous_page_view_reads_only_the_replica(client, relationship):
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert response.status_code == 404  # the replica has not received the relationship
    assert databases_used(queries) == {REPLICA}


@pytest.mark.parametrize("method", ["get", "head"])
def test_an_anonymous_api_read_reads_only_the_replica(client, relationship, method):
    with recorded_queries() as queries:
        response = getattr(client, method)("/api/v1/relationships/")
    assert response.status_code == 200
    assert databases_used(queries) == {REPLICA}
    if method == "get":
        assert response.json()["count"] == 0


@pytest.mark.parametrize("address", ["/en/search/?q=relationship", "/api/v1/partners/?q=serbia"])
def test_an_anonymous_search_looks_up_the_index_and_its_entries_on_the_replica(
    client, relationship, address
):
    with recorded_queries() as queries:
        response = client.get(address)
    assert response.status_code == 200  # found on the primary's index, absent from the replica
    assert databases_used(queries) == {REPLICA}


def test_a_signed_in_curator_reads_their_own_writes_on_the_primary(admin_client, relationship):
    with recorded_queries() as queries:
        page = admin_client.get(page_of(relationship))
        api = admin_client.get("/api/v1/relationships/")
    assert page.status_code == 200
    assert api.json()["count"] == 1
    assert databases_used(queries) == {"default"}


def test_the_admin_reads_the_primary_even_before_signing_in(client):
    with recorded_queries() as queries:
        response = client.get("/admin/login/")
    assert response.status_code == 200
    assert REPLICA not in databases_used(queries)


def test_a_sign_in_attempt_reads_and_writes_the_primary(client, admin_user):
    with recorded_queries() as queries:
        response = client.post("/admin/login/", {"username": "admin", "password": "wrong"})
    assert response.status_code == 200
    assert databases_used(queries) == {"default"}


def test_an_anonymous_request_stays_without_a_session(client, relationship):
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert not any("django_session" in sql for _alias, sql in queries)


def test_a_stale_session_cookie_is_looked_up_on_the_primary_then_read_as_public(
    client, relationship
):
    client.cookies[settings.SESSION_COOKIE_NAME] = "no-such-session"
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert response.status_code == 404
    session_queries = [alias for alias, sql in queries if "django_session" in sql]
    assert session_queries and set(session_queries) == {"default"}
    assert REPLICA in databases_used(queries)


def test_without_replicas_every_request_reads_the_primary(client, relationship, settings):
    settings.DATABASE_REPLICAS = []
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert response.status_code == 200
    assert databases_used(queries) == {"default"}


# The router -----------------------------------------------------------------------------


def test_outside_a_request_everything_uses_the_primary():
    assert router.db_for_read(Partner) == "default"
    assert router.db_for_write(Partner) == "default"


def test_public_reads_of_content_go_to_the_replica_but_accounts_and_sessions_do_not():
    from axes.models import AccessAttempt
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session

    from caching.models import ContentGeneration

    with replicas.reads_from(REPLICA):
        assert router.db_for_read(Partner) == REPLICA
        assert router.db_for_read(Citation) == REPLICA
        assert router.db_for_read(ContentGeneration) == REPLICA  # read with the content
        assert router.db_for_read(Session) == "default"
        assert router.db_for_read(User) == "default"
        assert router.db_for_read(AccessAttempt) == "default"
        assert router.db_for_write(ContentGeneration) == "default"


def test_a_write_sends_the_rest_of_the_request_to_the_primary():
    with replicas.reads_from(REPLICA):
        assert router.db_for_read(Partner) == REPLICA
        assert router.db_for_write(Partner) == "default"
        assert router.db_for_read(Partner) == "default"
    assert router.db_for_read(Partner) == "default"


def test_migrations_run_on_the_primary_only():
    assert router.allow_migrate("default", "partners")
    assert not router.allow_migrate(REPLICA, "partners")


# Falling back to the primary --------------------------------------------------------------


def test_a_lagging_replica_is_not_read(client, relationship, monkeypatch, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 10
    monkeypatch.setattr(replicas, "probe", lagging(60.0))
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert response.status_code == 200
    assert databases_used(queries) == {"default"}


def test_a_replica_within_the_lag_bound_is_read(client, relationship, monkeypatch, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 10
    monkeypatch.setattr(replicas, "probe", lagging(3.0))
    with recorded_queries() as queries:
        client.get(page_of(relationship))
    assert databases_used(queries) == {REPLICA}


def test_an_unreachable_replica_is_not_read(client, relationship):
    with recorded_queries() as queries, replica_failing():
        response = client.get(page_of(relationship))
    assert response.status_code == 200
    replica_queries = [sql for alias, sql in queries if alias == REPLICA]
    assert replica_queries == probes(queries) and len(replica_queries) == 1  # the failed check
    assert replicas.replica_state(REPLICA).describe().startswith("unreachable: server closed")


def test_a_replica_that_fails_during_a_request_is_replaced_by_the_primary(
    client, relationship, caplog
):
    assert replicas.replica_state(REPLICA).usable  # it was well when the request began
    with replica_failing():
        response = client.get(page_of(relationship))
    assert response.status_code == 200  # answered from the primary, which has the page
    assert "failed during GET" in caplog.text
    assert not replicas.replica_state(REPLICA).usable
    with recorded_queries() as queries:
        client.get("/api/v1/relationships/")
    assert databases_used(queries) == {"default"}  # until it is checked again


def test_a_page_failing_while_it_renders_is_rendered_again_from_the_primary(rf, relationship):
    from django.template import engines
    from django.template.response import TemplateResponse
    from django.urls import ResolverMatch

    def view(request):
        template = engines["django"].from_string("{{ count }}")
        return TemplateResponse(request, template, {"count": Partner.objects.count})

    request = rf.get("/")
    request.resolver_match = ResolverMatch(view, (), {})
    middleware = replicas.ReplicaReadMiddleware(lambda request: None)
    with replicas.reads_from(REPLICA):
        response = middleware.process_exception(request, OperationalError("gone"))
    assert response.is_rendered
    assert response.content.decode() == str(Partner.objects.count())
    assert Partner.objects.using(REPLICA).count() == 0


def test_other_errors_are_not_retried(rf):
    middleware = replicas.ReplicaReadMiddleware(lambda request: None)
    with replicas.reads_from(REPLICA):
        assert middleware.process_exception(rf.get("/"), ValueError("a bug")) is None
    assert middleware.process_exception(rf.get("/"), OperationalError("primary")) is None


def test_an_api_read_is_replaced_by_the_primary_when_the_replica_fails(client, relationship):
    assert replicas.replica_state(REPLICA).usable
    with replica_failing():
        response = client.get("/api/v1/relationships/")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_a_replica_failing_once_stays_in_use_when_it_answers_again(client, relationship):
    assert replicas.replica_state(REPLICA).usable
    with replica_failing(times=1):
        response = client.get(page_of(relationship))
    assert response.status_code == 200
    assert replicas.replica_state(REPLICA).usable


def test_replicas_are_checked_at_most_once_per_interval(client, relationship, settings):
    settings.DATABASE_REPLICA_CHECK_SECONDS = 60
    with recorded_queries() as queries:
        for _ in range(3):
            client.get(page_of(relationship))
    assert len(probes(queries)) == 1


def test_a_replica_back_in_service_is_read_again_at_its_next_check(client, relationship, settings):
    settings.DATABASE_REPLICA_CHECK_SECONDS = 0
    with replica_failing():
        client.get(page_of(relationship))
    with recorded_queries() as queries:
        response = client.get(page_of(relationship))
    assert response.status_code == 404
    assert databases_used(queries) == {REPLICA}


def test_a_replica_that_answers_is_usable():
    state = replicas.probe(REPLICA)
    assert state.usable
    assert 0 <= state.lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS  # 0 but on a standby


@pytest.mark.parametrize(
    ("in_recovery", "caught_up", "receiver", "replay_age", "lag"),
    [
        (False, None, None, None, 0),  # a primary
        (True, True, "streaming", 3600.0, 0),  # idle primary: nothing new to replay
        (True, True, "hidden", 3600.0, 0),  # status hidden from an unprivileged role
        (True, False, "streaming", 12.5, 12.5),  # replaying a backlog
        (True, True, None, 42.0, 42.0),  # cut off from the primary
        (True, True, "waiting", 42.0, 42.0),
        (True, None, None, None, math.inf),  # never replayed anything
    ],
)
def test_postgresql_lag_of_a_standby(in_recovery, caught_up, receiver, replay_age, lag):
    assert replicas.postgresql_lag(in_recovery, caught_up, receiver, replay_age) == lag


def test_lagging_states_say_by_how_much(settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 10
    assert replicas.ReplicaState(REPLICA, lag=2.0).describe() == "ok"
    assert replicas.ReplicaState(REPLICA, lag=61.4).describe() == "lagging 61 s"
    assert replicas.ReplicaState(REPLICA, lag=math.inf).describe() == "lagging"
    refused = replicas.ReplicaState(REPLICA, lag=None, error="connection refused")
    assert refused.describe() == "unreachable: connection refused"


# /healthz ----------------------------------------------------------------------------------


def test_healthz_reports_each_replica_and_where_public_reads_go(client):
    assert client.get("/healthz").json() == {
        "status": "ok",
        "database": "ok",
        "cache": "ok",
        "replicas": {REPLICA: "ok"},
        "public_reads": "replica",
    }


def test_healthz_stays_ok_when_the_replica_is_down(client):
    with replica_failing():
        response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["replicas"][REPLICA].startswith("unreachable: ")
    assert body["public_reads"] == "primary"


def test_healthz_says_when_the_replica_lags(client, monkeypatch, settings):
    settings.DATABASE_REPLICA_MAX_LAG_SECONDS = 10
    monkeypatch.setattr(replicas, "probe", lagging(75.0))
    body = client.get("/healthz").json()
    assert body["replicas"] == {REPLICA: "lagging 75 s"}
    assert body["public_reads"] == "primary"
    assert body["status"] == "ok"


def test_healthz_is_unavailable_when_the_primary_is_down(client):
    from django.db import DatabaseError

    def refuse(execute, sql, params, many, context):
        raise DatabaseError("connection refused")

    with connections["default"].execute_wrapper(refuse):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "error: connection refused"
    assert response.json()["public_reads"] == "replica"
