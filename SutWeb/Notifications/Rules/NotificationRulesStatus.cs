namespace SutWeb.Notifications.Rules;

/// <summary>How far the rules have judged the board: the version of the last batch they saw.</summary>
public sealed class NotificationRulesStatus
{
    private long _observedVersion;

    /// <summary>The board version (<c>StatusSnapshot.Version</c>) of the last batch judged; 0 before the first.</summary>
    public long ObservedVersion => Volatile.Read(ref _observedVersion);

    public void Observed(long version) => Volatile.Write(ref _observedVersion, version);
}
