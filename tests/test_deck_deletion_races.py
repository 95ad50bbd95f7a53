"""Deleting a deck on one computer while another imports into it, on a PostgreSQL server: the
two take their locks in one order, so neither sees "deadlock detected"; one waits for the
other, and the deletion removes every card of the deck, the imported ones too."""

from __future__ import annotations

from sqlalchemy import text

from revise import Rating
from revise.storage import plan_check
from tests.core_fixtures import ROWS, table
from tests.test_postgres import in_thread, wait_until, waiting_for_locks


def test_a_deck_deleted_while_another_computer_imports_into_it_waits_and_goes_whole(
    two, tmp_path, pg_url, pg_admin, monkeypatch
):
    laptop, desktop = two
    path = table(tmp_path / "items.csv", *ROWS)
    desktop.import_file(path)
    for _ in range(3):  # reviews, so the deletion has rows of every table to delete
        card = desktop.next_card("items")
        assert card is not None
        desktop.answer(card.id, Rating.GOOD)
    # The file read again: two cards changed.
    table(path, "What is item 0?,Answer zero", *ROWS[1:9], "What is item 9?,Answer nine")
    database = pg_url.rsplit("/", 1)[1]
    holds = plan_check.still_holds
    deleting: list = []

    def deleted_meanwhile(*args):  # type: ignore[no-untyped-def]
        current = holds(*args)
        # The import holds its locks and is about to write: the other computer deletes the deck.
        deleting.append(in_thread(lambda: desktop.editing.delete_deck("items")))
        wait_until(lambda: waiting_for_locks(pg_admin, database) >= 1, "the deletion waits")
        return current

    monkeypatch.setattr(plan_check, "still_holds", deleted_meanwhile)

    report = laptop.import_file(path)

    [(thread, errors)] = deleting
    thread.join()
    assert errors == []
    assert report.decks[0].summary() == "items: 0 added, 2 updated, 8 unchanged, 0 missing"
    assert [deck.name for deck in laptop.decks()] == []
    with laptop._engine.connect() as connection:
        for table_name in ("notes", "cards", "reviews"):
            left = connection.execute(text(f"SELECT count(*) FROM {table_name}")).scalar_one()
            assert left == 0, table_name
