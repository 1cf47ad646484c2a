"""/api/people/ and /api/countries/."""

from django.http import Http404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from events.api import filters, serializers
from events.api.views.mixins import MethodFirstMixin, moved
from events.models import Country, Person, PersonRedirect
from events.services import merge as merging
from events.services.people import person_create


@extend_schema_view(
    list=extend_schema(summary="List people (invitees and hosts)"),
    retrieve=extend_schema(
        summary="One person",
        description="The id of a person merged into another answers 301 with the kept "
        "person's address in Location.",
    ),
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

    def retrieve(self, request, *args, **kwargs):
        try:
            return super().retrieve(request, *args, **kwargs)
        except Http404:  # merged into another person? Else the usual 404.
            return moved(request, PersonRedirect.objects, self.kwargs["pk"], "person")

    @extend_schema(
        summary="Merge this person into another",
        description="For two records of one real person. Their invitations (with claims, "
        "sources and report links), invitations sent and events hosted move to the person "
        "`into`; where both are invited to one event, one invitation keeps every claim and "
        "its status is derived again. This person's name and aliases become aliases of the "
        "kept one; this id and page answer 301 with the kept one. Editors only. Merging a "
        "person into themselves, into one who no longer exists, or while another merge of "
        "the same people is saved is a 400 and moves nothing.",
        request=serializers.PersonMergeSerializer,
        responses={200: serializers.PersonSerializer},
    )
    @action(detail=True, methods=["post"], url_path="merge")
    def merge(self, request, pk=None):
        person = self.get_object()
        data = self.valid(serializers.PersonMergeSerializer, request.data)
        kept = merging.person_merge(person=person, into=data["into"], merged_by=request.user)
        return Response(self.get_serializer(kept).data)


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
