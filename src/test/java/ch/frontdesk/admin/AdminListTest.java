package ch.frontdesk.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.frontdesk.common.ProblemException;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SQL a list definition builds from a request, without a database: whitelists and bind values only. */
class AdminListTest {

    private static final AdminList<String> LIST = AdminList.of("things", "t.name", "thing t", row -> row.getString(1))
            .oneOf("status", "t.status", Set.of("new", "old"))
            .search("t.name ilike ?")
            .dateRange("t.created_at")
            .sort("name", "t.name")
            .defaultSort("-name", "t.id");

    private static ListRequest request(String... pairs) {
        MultivaluedHashMap<String, String> parameters = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            parameters.add(pairs[i], pairs[i + 1]);
        }
        return new ListRequest(2, 10, parameters);
    }

    @Test
    void filtersBecomeConditionsWithBindValuesAndThePageBecomesLimitAndOffset() {
        SqlQuery rows = LIST.rows(request("status", "new", "q", "50%_off\\", "from", "2026-01-01", "to", "2026-01-31",
                "sort", "name"), true);
        assertThat(rows.sql()).isEqualTo("select t.name from thing t where t.status = ? and (t.name ilike ?)"
                + " and t.created_at >= ? and t.created_at < ? order by t.name asc, t.id asc limit ? offset ?");
        assertThat(rows.values()).containsExactly("new", "%50\\%\\_off\\\\%",
                OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                OffsetDateTime.of(2026, 2, 1, 0, 0, 0, 0, ZoneOffset.UTC), 10, 20L);
    }

    @Test
    void withoutParametersTheDefaultSortApplies() {
        assertThat(LIST.rows(request(), false).sql())
                .isEqualTo("select t.name from thing t order by t.name desc, t.id desc");
        assertThat(LIST.count(request("status", "old")).sql()).isEqualTo("select count(*) from thing t where t.status = ?");
    }

    @Test
    void anUnknownSortFieldIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> LIST.rows(request("sort", "-t.name; drop table thing"), true))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors())
                        .singleElement().satisfies(error -> assertThat(error.field()).isEqualTo("sort")));
    }

    @Test
    void aValueOutsideAFiltersWhitelistOrABadDateIsRefusedNamingTheParameter() {
        assertThatThrownBy(() -> LIST.count(request("status", "gone")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors().get(0).field())
                        .isEqualTo("status"));
        assertThatThrownBy(() -> LIST.count(request("to", "2026-02-30")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.toProblem().errors().get(0).field())
                        .isEqualTo("to"));
    }

    private static final AdminList<String> JOINED = AdminList.of("orders", "o.id, c.email",
                    "ticket_order o join contact c on c.id = o.buyer_id", row -> row.getString(1))
            .countFrom("ticket_order o")
            .oneOf("status", "o.status", Set.of("confirmed"))
            .condition("event", "o.event_id in (select e.id from event e where e.slug = ?)")
            .search("c.email ilike ?")
            .defaultSort("id", "o.id")
            .sort("id", "o.id");

    @Test
    void countingSkipsTheJoinsWhileNoConditionReadsAJoinedTable() {
        assertThat(JOINED.count(request()).sql()).isEqualTo("select count(*) from ticket_order o");
        assertThat(JOINED.count(request("status", "confirmed", "event", "bench")).sql()).isEqualTo(
                "select count(*) from ticket_order o where o.status = ? and o.event_id in (select e.id from event e where e.slug = ?)");
        assertThat(JOINED.count(request("status", "confirmed", "q", "ada")).sql()).isEqualTo(
                "select count(*) from ticket_order o join contact c on c.id = o.buyer_id where o.status = ? and (c.email ilike ?)");
    }
}
