from portal.models import Municipality
from portal.municipalities import DATA_FILE, load_municipalities


def test_all_municipalities_are_loaded_with_their_cbs_codes(db):
    assert Municipality.objects.count() == 342
    assert Municipality.objects.get(code="GM0453").name == "Velsen"
    assert Municipality.objects.get(code="GM0479").name == "Zaanstad"
    assert not Municipality.objects.exclude(code__regex=r"^GM\d{4}$").exists()


def test_loading_again_adds_nothing_and_takes_renames(db, tmp_path):
    assert load_municipalities() == (0, 0)
    renamed = tmp_path / "municipalities.csv"
    renamed.write_text(DATA_FILE.read_text(encoding="utf-8").replace("GM0453,Velsen", "GM0453,Velsen-IJmond"), encoding="utf-8")
    assert load_municipalities(renamed) == (0, 1)
    assert Municipality.objects.get(code="GM0453").name == "Velsen-IJmond"
    assert Municipality.objects.count() == 342
