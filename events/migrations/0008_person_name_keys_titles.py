"""The name keys leave out the titles before a name (events.names.HONORIFICS):
the keys of the rows that exist are filled again."""

from importlib import import_module

from django.db import migrations

fill_keys = import_module("events.migrations.0005_person_name_keys").fill_keys


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0007_merge_redirects"),
    ]

    operations = [
        migrations.RunPython(fill_keys, migrations.RunPython.noop, elidable=True),
    ]
