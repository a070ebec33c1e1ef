import json


class Exporter:
    registry = {}

    def __init_subclass__(cls, name, **kwargs):
        super().__init_subclass__(**kwargs)
        if name in cls.registry:
            raise ValueError(f"exporter name {name!r} is already taken")
        cls.registry = dict(cls.registry)
        cls.registry[name] = cls
        Exporter.registry.update(cls.registry)

    def export(self, metrics):
        raise NotImplementedError


class CsvExporter(Exporter, name="csv"):
    def export(self, metrics):
        return "\n".join(["key,value"] + [f"{k},{v}" for k, v in metrics.items()])


class JsonExporter(Exporter, name="json"):
    def export(self, metrics):
        return json.dumps(metrics)


def exporter_for(name):
    return Exporter.registry[name]()
