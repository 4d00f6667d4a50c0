namespace SutWeb.Operators;

/// <summary>The body of every refusal of the operators' API: <c>{ "error": "…" }</c>, as the rest of the API.</summary>
public sealed record OperatorApiError(string Error)
{
    public const string NoOperator =
        "Aborting a run needs an operator: sign in, or send a personal operator key as Authorization: Bearer <key>.";

    public const string NotOperator = "You are signed in, but not as an operator.";
}
