using System.Linq;
using MediaEvents.Generators.Model;
using Xunit;
using static MediaEvents.Generators.Tests.Parsing.SpecText;

namespace MediaEvents.Generators.Tests.Parsing;

/// <summary>Event types come from the published description convention, cross-checked with the definition name.</summary>
public sealed class EventDiscoveryTests
{
    private static string Definition(string name, string description) =>
        $"\"{name}\": {{ \"description\": \"{description}\", \"type\": \"object\", \"properties\": {{ \"a\": {{ \"type\": \"string\" }} }} }}";

    [Theory]
    [InlineData("StorageBlobCreatedEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.Storage.BlobCreated event.", "Microsoft.Storage.BlobCreated")]
    [InlineData("WebAppUpdatedEventData", "Schema of the Data property of an EventGridEvent for an Microsoft.Web.AppUpdated event.", "Microsoft.Web.AppUpdated")]
    [InlineData("IotHubDeviceCreatedEventData", "Event data for Microsoft.Devices.DeviceCreated event.", "Microsoft.Devices.DeviceCreated")]
    [InlineData("ResourceWriteSuccessData", "Schema of the Data property of an EventGridEvent for a Microsoft.Resources.ResourceWriteSuccess event. This is raised when a write succeeds.", "Microsoft.Resources.ResourceWriteSuccess")]
    [InlineData("ApiCenterApiDefinitionAddedEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.ApiCenter.ApiDefinitionAdded preview event.", "Microsoft.ApiCenter.ApiDefinitionAdded")]
    [InlineData("ResourceNotificationsHealthResourcesAvailabilityStatusChangedEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.ResourceNotifications.HealthResources.AvailabilityStatusChanged event.", "Microsoft.ResourceNotifications.HealthResources.AvailabilityStatusChanged")]
    [InlineData("SubscriptionValidationEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.EventGrid.SubscriptionValidationEvent event.", "Microsoft.EventGrid.SubscriptionValidationEvent")]
    [InlineData("ApiManagementApiCreatedEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.ApiManagement.APICreated event.", "Microsoft.ApiManagement.APICreated")]
    [InlineData("MediaJobStateChangeEventData", "Payload for a Microsoft.Media.JobStateChange event, raised when a job changes state.", "Microsoft.Media.JobStateChange")]
    public void The_description_names_the_event_in_its_published_wordings(string name, string description, string eventType)
    {
        ParseResult result = Parse(Swagger(Definition(name, description)));

        Assert.Empty(result.Diagnostics);
        EventModel model = Assert.Single(ModelOf(result).Events);
        Assert.Equal(eventType, model.EventType);
        Assert.Equal(name, model.DataTypeName);
    }

    [Theory]
    [InlineData("DeviceLifeCycleEventProperties", "Schema of the Data property of an EventGridEvent for a device life cycle event (DeviceCreated, DeviceDeleted).")]
    [InlineData("AppConfigurationSnapshotEventData", "Schema of common properties of snapshot events")]
    [InlineData("StorageBlobInfo", "Information about the blob of a Microsoft.Storage.BlobCreated notification.")]
    public void A_description_that_names_no_concrete_event_makes_no_event(string name, string description)
    {
        ParseResult result = Parse(Swagger(Definition(name, description) + ",\n" + EventDefinition("AppConfigurationKeyValueModifiedEventData", "Microsoft.AppConfiguration.KeyValueModified")));

        Assert.Equal(new[] { "Microsoft.AppConfiguration.KeyValueModified" }, ModelOf(result).Events.Select(static model => model.EventType));
    }

    [Fact]
    public void A_name_of_the_form_publisher_event_EventData_wins_over_its_description_with_a_warning()
    {
        ParseResult result = Parse(Swagger(Definition("ServiceBusDeadletterMessagesAvailableWithNoListenersEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.ServiceBus.DeadletterMessagesAvailableWithNoListenersEvent event.")));

        Assert.Equal(new[] { "MEG0007" }, Ids(result));
        Assert.Contains("the name says 'Microsoft.ServiceBus.DeadletterMessagesAvailableWithNoListeners', the description 'Microsoft.ServiceBus.DeadletterMessagesAvailableWithNoListenersEvent'", Message(result.Diagnostics[0]));
        Assert.Equal("Microsoft.ServiceBus.DeadletterMessagesAvailableWithNoListeners", Assert.Single(ModelOf(result).Events).EventType);
    }

    [Theory]
    [InlineData("StorageTaskQueuedEventData", "Microsoft.Storage.StorageTaskQueued")]
    [InlineData("KeyVaultVaultAccessPolicyChangedEventData", "Microsoft.KeyVault.VaultAccessPolicyChanged")]
    [InlineData("ResourceNotificationsResourceManagementDeletedEventData", "Microsoft.ResourceNotifications.Resources.Deleted")]
    public void A_name_that_ends_with_the_described_event_agrees_with_it_even_where_the_event_repeats_the_publisher(string name, string eventType)
    {
        ParseResult result = Parse(Swagger(Definition(name, $"Schema of the Data property of an EventGridEvent for a {eventType} event.")));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(eventType, Assert.Single(ModelOf(result).Events).EventType);
    }

    [Fact]
    public void A_description_broken_over_lines_still_names_its_event()
    {
        ParseResult result = Parse(Swagger(Definition("MediaJobCanceledEventData", "Job canceled event data. Schema of the data property of an EventGridEvent for a\\nMicrosoft.Media.JobCanceled event.")));

        Assert.Empty(result.Diagnostics);
        Assert.Equal("Microsoft.Media.JobCanceled", Assert.Single(ModelOf(result).Events).EventType);
    }

    [Fact]
    public void A_copied_description_of_another_event_loses_to_the_name_with_a_warning()
    {
        ParseResult result = Parse(Swagger(Definition("MediaJobScheduledEventData", "Schema of the Data property of an EventGridEvent for a Microsoft.Media.JobProcessing event.")));

        Assert.Equal(new[] { "MEG0007" }, Ids(result));
        Assert.Equal("Microsoft.Media.JobScheduled", Assert.Single(ModelOf(result).Events).EventType);
    }

    [Fact]
    public void A_disagreement_of_an_event_MediaEventsInclude_leaves_out_is_not_reported()
    {
        string text = Swagger(
            Definition("ContosoPayload", "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.ThingHappened event.") + ",\n" +
            EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated"));

        Assert.Equal(new[] { "MEG0007" }, Ids(Parse(text)));
        Assert.Empty(Parse(text, include: "Microsoft.Storage.*").Diagnostics);
    }

    [Fact]
    public void A_description_the_name_does_not_match_still_names_the_event_with_a_warning()
    {
        ParseResult result = Parse(Swagger(Definition("ContosoPayload", "Schema of the Data property of an EventGridEvent for a Microsoft.Contoso.ThingHappened event.")));

        Assert.Equal(new[] { "MEG0007" }, Ids(result));
        Assert.Equal("Microsoft.Contoso.ThingHappened", Assert.Single(ModelOf(result).Events).EventType);
    }

    [Fact]
    public void An_undescribed_definition_named_for_a_publisher_of_the_spec_is_its_event()
    {
        ParseResult result = Parse(Swagger(
            EventDefinition("MediaJobStateChangeEventData", "Microsoft.Media.JobStateChange") + ",\n" +
            "\"MediaJobScheduledEventData\": { \"type\": \"object\", \"properties\": { \"a\": { \"type\": \"string\" } } }"));

        Assert.Empty(result.Diagnostics);
        Assert.Equal(new[] { "Microsoft.Media.JobScheduled", "Microsoft.Media.JobStateChange" }, ModelOf(result).Events.Select(static model => model.EventType));
    }

    [Fact]
    public void A_spec_without_event_types_is_a_warning_and_its_types_are_still_generated()
    {
        ParseResult result = Parse(Swagger(Definition("ResourceWriteSuccessData", "Data of a resource write.")));

        Assert.Equal(new[] { "MEG0014" }, Ids(result));
        SpecModel model = ModelOf(result);
        Assert.Empty(model.Events);
        Assert.Equal("ResourceWriteSuccessData", Assert.Single(model.Types).Name);
    }

    [Fact]
    public void In_a_spec_of_several_publishers_events_are_named_with_their_publisher()
    {
        SpecModel model = ModelOf(Parse(Swagger(
            EventDefinition("ResourceNotificationsResourcesDeletedEventData", "Microsoft.ResourceNotifications.Resources.Deleted") + ",\n" +
            EventDefinition("ResourceNotificationsHealthResourcesDeletedEventData", "Microsoft.ResourceNotifications.HealthResources.Deleted") + ",\n" +
            EventDefinition("StorageBlobCreatedEventData", "Microsoft.Storage.BlobCreated") + ",\n" +
            EventDefinition("ContosoOtherEventData", "Microsoft.Contoso.Other"))));

        Assert.Equal(
            new[] { "ContosoOther", "ResourceNotificationsHealthResourcesDeleted", "ResourceNotificationsResourcesDeleted", "StorageBlobCreated" },
            model.Events.Select(static item => item.Name));
    }
}
