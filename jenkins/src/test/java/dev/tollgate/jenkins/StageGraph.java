package dev.tollgate.jenkins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A release job's stage graph: stages in order, each running one ./pipeline call ({@code run}:
 * the subcommand and its arguments) or a parallel group of named branches. The shape
 * {@code ./pipeline graph} prints: {@code [{name, run} | {name, parallel: [{name, run}]}]}.
 */
record StageGraph(List<Node> stages) {
  StageGraph {
    stages = List.copyOf(stages);
  }

  /** One stage: a step ({@code run}) or a parallel group ({@code parallel}). */
  record Node(String name, String run, List<Node> parallel) {
    static Node step(String name, String run) {
      return new Node(name, run, null);
    }

    static Node parallel(String name, List<Node> branches) {
      return new Node(name, null, List.copyOf(branches));
    }

    boolean isParallel() {
      return parallel != null;
    }

    private String describe() {
      return isParallel() ? "a parallel stage" : "'./pipeline " + run + "'";
    }
  }

  /** Reads the JSON {@code ./pipeline graph} prints. */
  static StageGraph fromJson(String json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      if (root == null || !root.isArray()) {
        throw new IllegalArgumentException("expected a JSON array of stages, got: " + json);
      }
      return new StageGraph(nodes(root));
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage() + "\n" + json, e);
    }
  }

  private static List<Node> nodes(JsonNode array) {
    List<Node> nodes = new ArrayList<>();
    for (JsonNode stage : array) {
      String name = stage.path("name").asText(null);
      if (name == null) {
        throw new IllegalArgumentException("a stage without a name: " + stage);
      }
      if (stage.has("parallel")) {
        nodes.add(Node.parallel(name, nodes(stage.get("parallel"))));
      } else if (stage.has("run")) {
        nodes.add(Node.step(name, stage.get("run").asText()));
      } else {
        throw new IllegalArgumentException("stage '" + name + "' has neither run nor parallel: " + stage);
      }
    }
    return nodes;
  }

  /** The stage names, in order. */
  List<String> names() {
    return stages.stream().map(Node::name).toList();
  }

  /**
   * How {@code left} (named {@code leftName}) differs from {@code right}: one sentence per
   * difference, each naming the stage (and branch) at fault; empty when they are the same graph.
   * Stages are compared by name, then order, then what each runs; the branches of a parallel
   * stage by name and what each runs (they run at once, so their order is not compared).
   */
  static List<String> differences(StageGraph left, String leftName, StageGraph right, String rightName) {
    List<String> found = new ArrayList<>();
    compare(left.stages, leftName, right.stages, rightName, "stage", "", true, found);
    return found;
  }

  private static void compare(List<Node> left, String leftName, List<Node> right, String rightName,
      String kind, String within, boolean ordered, List<String> found) {
    duplicates(left, leftName, kind, within, found);
    duplicates(right, rightName, kind, within, found);
    Map<String, Node> leftByName = byName(left);
    Map<String, Node> rightByName = byName(right);
    for (Node node : left) {
      if (!rightByName.containsKey(node.name())) {
        found.add(kind + " '" + node.name() + "'" + within + " is in " + leftName + " but not in " + rightName);
      }
    }
    for (Node node : right) {
      if (!leftByName.containsKey(node.name())) {
        found.add(kind + " '" + node.name() + "'" + within + " is in " + rightName + " but not in " + leftName);
      }
    }
    if (ordered) {
      List<String> leftOrder = left.stream().map(Node::name).filter(rightByName::containsKey).distinct().toList();
      List<String> rightOrder = right.stream().map(Node::name).filter(leftByName::containsKey).distinct().toList();
      for (int i = 0; i < leftOrder.size(); i++) {
        if (!leftOrder.get(i).equals(rightOrder.get(i))) {
          String moved = leftOrder.get(i);
          found.add(kind + " '" + moved + "'" + within + " comes after " + before(leftOrder, i) + " in " + leftName
              + " but after " + before(rightOrder, rightOrder.indexOf(moved)) + " in " + rightName + " ("
              + leftName + ": " + String.join(" -> ", leftOrder) + "; " + rightName + ": " + String.join(" -> ", rightOrder) + ")");
          break;
        }
      }
    }
    for (Node node : left) {
      Node other = rightByName.get(node.name());
      if (other == null || leftByName.get(node.name()) != node) {
        continue;
      }
      String subject = kind + " '" + node.name() + "'" + within;
      if (node.isParallel() && other.isParallel()) {
        compare(node.parallel(), leftName, other.parallel(), rightName, "branch", " of stage '" + node.name() + "'", false, found);
      } else if (node.isParallel() != other.isParallel() || !Objects.equals(node.run(), other.run())) {
        found.add(subject + " runs " + node.describe() + " in " + leftName + " but " + other.describe() + " in " + rightName);
      }
    }
  }

  private static String before(List<String> order, int index) {
    return index == 0 ? "nothing" : "'" + order.get(index - 1) + "'";
  }

  private static void duplicates(List<Node> nodes, String side, String kind, String within, List<String> found) {
    nodes.stream().collect(Collectors.groupingBy(Node::name, LinkedHashMap::new, Collectors.counting()))
        .forEach((name, count) -> {
          if (count > 1) {
            found.add(kind + " '" + name + "'" + within + " appears " + count + " times in " + side);
          }
        });
  }

  private static Map<String, Node> byName(List<Node> nodes) {
    return nodes.stream().collect(Collectors.toMap(Node::name, Function.identity(), (first, second) -> first, LinkedHashMap::new));
  }
}
