from hypothesis import given
from hypothesis import strategies as st

from desktop.storage.hlc import HybridLogicalClock, Timestamp


def test_now_is_strictly_increasing_even_when_the_wall_clock_goes_back():
    walls = iter([1000, 1000, 999, 500, 1001])
    clock = HybridLogicalClock("a", wall=lambda: next(walls))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == 5
    assert [str(s) for s in stamps] == sorted(str(s) for s in stamps)


def test_observe_moves_past_a_remote_clock_that_runs_ahead():
    clock = HybridLogicalClock("a", wall=lambda: 100)
    remote = Timestamp(5000, 7, "b")
    after = clock.observe(remote)
    assert after > remote
    assert clock.now() > after


def test_parse_round_trips_and_rejects_garbage():
    stamp = Timestamp(1764072000000, 3, "abc")
    assert Timestamp.parse(str(stamp)) == stamp
    for bad in ("", "12-3-x", "000000000000001-00001-"):
        try:
            Timestamp.parse(bad)
        except ValueError:
            continue
        raise AssertionError(f"accepted {bad!r}")


def test_clock_resumes_after_its_last_persisted_value():
    clock = HybridLogicalClock("a", last="009999999999999-00004-a", wall=lambda: 10)
    assert clock.now() == Timestamp(9999999999999, 5, "a")


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=50),
       st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 99)), max_size=10))
def test_string_order_matches_causal_order(walls, remotes):
    ticks = iter(walls * 3)
    clock = HybridLogicalClock("r", wall=lambda: next(ticks, walls[-1]))
    seen = []
    for i, _wall in enumerate(walls):
        if i < len(remotes):
            seen.append(clock.observe(Timestamp(remotes[i][0], remotes[i][1], "z")))
        seen.append(clock.now())
    assert [str(s) for s in seen] == sorted(str(s) for s in seen)
    assert len({str(s) for s in seen}) == len(seen)


def test_a_full_counter_moves_on_to_the_next_millisecond():
    clock = HybridLogicalClock("a", last="000000000005000-99999-a", wall=lambda: 10)
    stamp = clock.now()
    assert stamp == Timestamp(5001, 0, "a")
    assert Timestamp.parse(str(stamp)) == stamp
