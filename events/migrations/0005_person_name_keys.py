"""The comparison keys of people's names and aliases (events.names), filled for
the rows that exist; Person.save() keeps them from then on."""

from django.db import migrations, models

from events import names


def fill_keys(apps, schema_editor):
    Person = apps.get_model("events", "Person")
    batch = []
    for person in Person.objects.only("id", "name", "aliases").iterator(chunk_size=2000):
        person.name_key = names.name_key(person.name)
        person.alias_keys = names.alias_keys(person.aliases)
        batch.append(person)
        if len(batch) == 2000:
            Person.objects.bulk_update(batch, ["name_key", "alias_keys"])
            batch = []
    if batch:
        Person.objects.bulk_update(batch, ["name_key", "alias_keys"])


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0004_bench_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="alias_keys",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.AddField(
            model_name="person",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=200),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(fields=["name_key"], name="person_name_key_idx"),
        ),
    ]
