package id.kypso.kiosk.ui;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Ellipse;
import javafx.scene.shape.QuadCurve;
import javafx.scene.shape.StrokeLineCap;

/**
 * The faces drawn on the answer buttons of the 1-4 scale, from a frown (1, red) to a wide smile
 * (4, green), so the scale reads without words.
 */
final class Faces {
    private static final Color[] FILLS = {
        Color.web("#e03131"), Color.web("#f08c00"), Color.web("#74b816"), Color.web("#2b8a3e")
    };
    // The mouth's control point relative to its ends, as a share of the face size: negative
    // bends it up into a frown, positive down into a smile.
    private static final double[] MOUTH_BEND = {-0.22, -0.08, 0.12, 0.26};

    private Faces() {
    }

    /** Draws the face for answer {@code value} (1-4), {@code size} pixels across. */
    static Node face(int value, double size) {
        double r = size / 2;
        Circle head = new Circle(r, r, r - 4, FILLS[value - 1]);
        head.setStroke(Color.web("#1b1b1b"));
        head.setStrokeWidth(4);

        Ellipse leftEye = new Ellipse(r - r * 0.35, r - r * 0.22, r * 0.09, r * 0.13);
        Ellipse rightEye = new Ellipse(r + r * 0.35, r - r * 0.22, r * 0.09, r * 0.13);
        leftEye.setFill(Color.web("#1b1b1b"));
        rightEye.setFill(Color.web("#1b1b1b"));

        double mouthY = r + r * 0.35;
        QuadCurve mouth = new QuadCurve(r - r * 0.45, mouthY, r,
                mouthY + MOUTH_BEND[value - 1] * size, r + r * 0.45, mouthY);
        mouth.setFill(null);
        mouth.setStroke(Color.web("#1b1b1b"));
        mouth.setStrokeWidth(Math.max(4, size / 22));
        mouth.setStrokeLineCap(StrokeLineCap.ROUND);

        Group face = new Group(head, leftEye, rightEye, mouth);
        face.setId("face-" + value);
        return face;
    }
}
