"""/api/people/ and /api/countries/."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from events.api import filters, serializers
from events.api.views.mixins import MethodFirstMixin
from events.models import Country, Person
from events.services.people import person_create


@extend_schema_view(
    list=extend_schema(summary="List people (invitees and hosts)"),
    retrieve=extend_schema(summary="One person"),
    create=extend_schema(
        summary="Create a person",
        request=serializers.PersonWriteSerializer,
        responses={201: serializers.PersonSerializer},
    ),
)
class PersonViewSet(
    MethodFirstMixin,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    viewsets.GenericViewSet,
):
    queryset = Person.objects.all()
    serializer_class = serializers.PersonSerializer
    filterset_class = filters.PersonFilter
    ordering_fields = ["name", "id"]
    ordering = ["name", "id"]
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "head", "options"]

    def create(self, request, *args, **kwargs):
        data = self.valid(serializers.PersonWriteSerializer, request.data)
        person = person_create(**data)
        return Response(self.get_serializer(person).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="List countries (ISO 3166-1)"),
    retrieve=extend_schema(summary="One country"),
)
class CountryViewSet(MethodFirstMixin, viewsets.ReadOnlyModelViewSet):
    queryset = Country.objects.all()
    serializer_class = serializers.CountrySerializer
    ordering_fields = ["name", "code"]
    ordering = ["name", "code"]
    filterset_class = None
    lookup_value_regex = "[A-Za-z]{2}"

    def get_object(self):
        self.kwargs["pk"] = self.kwargs["pk"].upper()
        return super().get_object()
