from django.db import migrations


def load(apps, schema_editor):
    from events.countries import sync_countries

    sync_countries(apps.get_model("events", "Country"))


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
