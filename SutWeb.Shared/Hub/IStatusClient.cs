using SutWeb.Shared.Views;

namespace SutWeb.Shared.Hub;

/// <summary>What the status hub sends to its clients (CONTRACTS section 3).</summary>
public interface IStatusClient
{
    Task Diff(StatusDiff diff);

    Task Health(UpstreamHealth health);
}
