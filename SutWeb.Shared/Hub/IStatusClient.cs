using SutWeb.Shared.Views;

namespace SutWeb.Shared.Hub;

/// <summary>What the status hub sends to its clients (docs/API.md section 3).</summary>
public interface IStatusClient
{
    Task Diff(StatusDiff diff);

    Task Health(UpstreamHealth health);
}
