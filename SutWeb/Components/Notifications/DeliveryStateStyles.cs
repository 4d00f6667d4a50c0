using MudBlazor;
using SutWeb.Components.Styling;
using SutWeb.Notifications.Delivery;

namespace SutWeb.Components.Notifications;

/// <summary>How a delivery's state looks: a word and an icon as well as a colour.</summary>
public static class DeliveryStateStyles
{
    public static IReadOnlyList<DeliveryState> All { get; } = Enum.GetValues<DeliveryState>();

    public static StatusStyle For(DeliveryState state) => state switch
    {
        DeliveryState.Pending => new("Pending", Icons.Material.Filled.Schedule, Color.Info),
        DeliveryState.Sent => new("Sent", Icons.Material.Filled.CheckCircle, Color.Success),
        DeliveryState.Refused => new("Refused", Icons.Material.Filled.Block, Color.Error),
        DeliveryState.Failed => new("Failed", Icons.Material.Filled.Error, Color.Error),
        _ => new(state.ToString(), Icons.Material.Filled.HelpOutline, Color.Default),
    };
}
