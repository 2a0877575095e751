package io.shardhome.service.moves.api;

import io.shardhome.service.moves.MoveEngine;
import io.shardhome.service.moves.MoveException;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.function.Function;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/moves}: move a shard's home ({@code POST}, 202 with the move's Location), follow it,
 * cancel it before the flip.
 */
@RestController
@RequestMapping("/api/v1/moves")
class MoveController {
    private final MoveHosting hosting;
    private final MoveMetrics metrics;

    MoveController(MoveHosting hosting, MoveMetrics metrics) {
        this.hosting = hosting;
        this.metrics = metrics;
    }

    @PostMapping
    ResponseEntity<MoveBody> start(@Valid @RequestBody MoveRequest request) {
        MoveEngine engine = hosting.leaderEngine();
        MoveBody move = call(
                e -> MoveBody.of(
                        e.get(e.start(request.shard().trim(), request.to().trim()))),
                engine);
        metrics.watch(move.id());
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/moves/" + move.id()))
                .body(move);
    }

    @GetMapping
    List<MoveBody> list() {
        return call(e -> e.list().stream().map(MoveBody::of).toList(), hosting.reader());
    }

    @GetMapping("/{id}")
    MoveBody get(@PathVariable String id) {
        return call(e -> MoveBody.of(e.get(id)), hosting.reader());
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<MoveBody> cancel(@PathVariable String id) {
        return ResponseEntity.accepted().body(call(e -> MoveBody.of(e.cancel(id)), hosting.reader()));
    }

    private static <T> T call(Function<MoveEngine, T> action, MoveEngine engine) {
        try {
            return action.apply(engine);
        } catch (MoveException e) {
            throw MoveErrors.translate(e);
        }
    }
}
