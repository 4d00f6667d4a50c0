using Bunit;
using SutWeb.Notifications.Delivery;

namespace SutWeb.Tests.Components.Notifications;

/// <summary>With <c>History:Provider=None</c> the deliveries are in memory: the page says what a restart loses.</summary>
public sealed class NotificationsPageInMemoryTests() : NotificationsPageTestContext(durable: false)
{
    [Fact]
    public async Task HistoryNone_WithAChannel_SaysDeliveriesLiveInMemoryOnly()
    {
        Webhook("ops", "https://hooks.example.com/x");
        await StoreAsync(Delivery("ops", DeliveryState.Pending, Now, attempts: 0));

        var cut = RenderNotifications();

        Assert.Contains("kept in memory only, so a restart loses those not yet delivered", Words(cut.Find("[data-testid=deliveries-in-memory]").TextContent), StringComparison.Ordinal);
        Assert.Equal(["Pending"], Rows(cut).Select(r => Field(r, "state")));
    }
}
